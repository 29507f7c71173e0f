// The account settings Billomat documents default from (number prefixes, due days, cash
// discount, price basis, ...): one record per organization, holding only what a client set;
// everything unset falls back to the organization's own values or Billomat's documented defaults.

import type { CoreContext, Tenant } from '../../core/context.ts'
import { createRecord } from '../../core/records/create-record.ts'
import type { DialectRecord } from '../../core/records/dialect-record.ts'
import { findRecords } from '../../core/records/list-records.ts'
import { updateRecord } from '../../core/records/update-record.ts'

export const SETTINGS_RESOURCE = 'settings'

export type Settings = Readonly<Record<string, string>>

/** Billomat's documented defaults for a new account (../shared/reference/billomat.md §2.11). */
export const SETTING_DEFAULTS: Settings = {
  bgcolor: 'ffffff',
  color1: '5c5c5c',
  color2: 'fad264',
  color3: 'ffffff',
  net_gross: 'NET',
  number_range_mode: 'IGNORE_PREFIX',
  article_number_pre: 'ART',
  article_number_length: '0',
  client_number_pre: 'KD',
  client_number_length: '0',
  invoice_filename: 'invoice_[Invoice.invoice_number]',
  offer_number_pre: 'AN',
  offer_number_length: '0',
  confirmation_number_pre: 'AB',
  confirmation_number_length: '0',
  credit_note_number_pre: 'GU',
  credit_note_number_length: '0',
  credit_note_filename: 'credit-note_[CreditNote.credit_note_number]',
  delivery_note_number_pre: 'LS',
  delivery_note_number_length: '0',
  reminder_filename: 'reminder_[Reminder.id]',
  letter_filename: 'letter_[Letter.id]',
  discount_rate: '0',
  discount_days: '0',
  offer_validity_days: '30',
  print_version: '0',
  default_email_sender: '',
  bcc_addresses: '',
  sepa_creditor_id: '',
  price_group2: '',
  price_group3: '',
  price_group4: '',
  price_group5: '',
}

/** Fields a client may write; the *_number_next fields are derived and read-only. */
export const WRITABLE_SETTINGS = [
  ...Object.keys(SETTING_DEFAULTS),
  'currency_code',
  'locale',
  'due_days',
  // The core's dunning payByDays (routes/account.ts), not kept here.
  'reminder_due_days',
  'invoice_number_pre',
  'invoice_number_length',
] as const

async function settingsRecord(core: CoreContext, tenant: Tenant): Promise<DialectRecord | undefined> {
  const [record] = await findRecords(core, tenant, SETTINGS_RESOURCE, {
    orderBy: [{ field: 'recordNo', direction: 'asc' }],
    limit: 1,
    offset: 0,
  })
  return record
}

/** What the client stored, without defaults. */
export async function storedSettings(core: CoreContext, tenant: Tenant): Promise<Settings> {
  return ((await settingsRecord(core, tenant))?.data ?? {}) as Settings
}

export async function loadSettings(core: CoreContext, tenant: Tenant): Promise<Settings> {
  return { ...SETTING_DEFAULTS, ...(await storedSettings(core, tenant)) }
}

export async function saveSettings(core: CoreContext, tenant: Tenant, changes: Settings): Promise<Settings> {
  const existing = await settingsRecord(core, tenant)
  if (!existing)
    return (await createRecord(core, tenant, { resource: SETTINGS_RESOURCE, data: changes })).data as Settings
  const updated = await updateRecord(core, tenant, SETTINGS_RESOURCE, existing.recordNo, (current) => ({
    ...current.data,
    ...changes,
  }))
  return updated.data as Settings
}
