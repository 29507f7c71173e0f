// Clients (§2.2) between Billomat's wire and the core's contacts. Name, email, phone, address,
// VAT and tax numbers, locale, currency, due days and note are the contact's own fields; every
// other Billomat field rides in `extra.billomat` as written. A client without a company name is a
// person, named by first and last name in the core.

import type { Contact, ContactPatch } from '../../../domain/contacts/contact.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { mergeStrings, type WireStrings } from '../invoices/extra.ts'
import type { WireObject } from '../wire/body.ts'
import {
  readBoolean,
  readDate,
  readDecimal,
  readEnum,
  readInteger,
  readSmallInteger,
  readText,
} from '../wire/read.ts'
import { datetime, float, int, money, record, str, type WireRecord } from '../wire/tree.ts'

const EXTRA_TEXT = [
  'state',
  'first_name',
  'last_name',
  'salutation',
  'fax',
  'mobile',
  'www',
  'bank_account_number',
  'bank_account_owner',
  'bank_number',
  'bank_name',
  'bank_swift',
  'bank_iban',
  'sepa_mandate',
  'default_payment_types',
  'customfield',
] as const

const DAYS_TYPES = ['SETTINGS', 'ABSOLUTE', 'RELATIVE'] as const

export const CLIENT_ELEMENTS = [
  'archived',
  'number_pre',
  'number',
  'number_length',
  'name',
  'street',
  'zip',
  'city',
  'country_code',
  'email',
  'phone',
  'tax_number',
  'vat_number',
  'locale',
  'tax_rule',
  'net_gross',
  'note',
  'reduction',
  'currency_code',
  'due_days',
  ...EXTRA_TEXT,
]

export type ClientNumbering = Readonly<{ pre: string; length: string }>

function bool(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? '1' : '0'
}

/** The contact fields and the Billomat extras of a client body; `current` for an edit. */
export function clientFromWire(
  body: WireObject,
  numbering: ClientNumbering,
  current?: Contact,
): ContactPatch {
  const stored = (current?.extra.billomat ?? {}) as WireStrings
  const number = readInteger(body, 'number')
  if (number !== undefined && number < 1n) throw invalidField('number', 'number must be 1 or more')
  const extra = mergeStrings(stored, {
    ...Object.fromEntries(EXTRA_TEXT.map((field) => [field, readText(body, field, 1000)])),
    archived: bool(readBoolean(body, 'archived')),
    dunning_run: bool(readBoolean(body, 'dunning_run')),
    enable_customerportal: bool(readBoolean(body, 'enable_customerportal')),
    number_pre: readText(body, 'number_pre', 30) ?? (current ? undefined : numbering.pre),
    number_length:
      readSmallInteger(body, 'number_length', 0, 20)?.toString() ?? (current ? undefined : numbering.length),
    number: number?.toString(),
    sepa_mandate_date: readDate(body, 'sepa_mandate_date'),
    tax_rule: readEnum(body, 'tax_rule', ['TAX', 'NO_TAX', 'COUNTRY']),
    net_gross: readEnum(body, 'net_gross', ['NET', 'GROSS', 'SETTINGS']),
    reduction: readDecimal(body, 'reduction'),
    price_group: readSmallInteger(body, 'price_group', 1, 5)?.toString(),
    debitor_account_number: readInteger(body, 'debitor_account_number')?.toString(),
    ...Object.fromEntries(
      ['discount_rate', 'discount_days', 'due_days', 'reminder_due_days', 'offer_validity_days'].flatMap(
        (field) => [
          [`${field}_type`, readEnum(body, `${field}_type`, DAYS_TYPES)],
          [field, readDecimal(body, field)],
        ],
      ),
    ),
  })
  const name = readText(body, 'name', 255)
  const personName = [extra.first_name, extra.last_name].filter(Boolean).join(' ')
  const coreName = name ?? (current ? undefined : personName || readText(body, 'email'))
  if (!current && !coreName) throw invalidField('name', 'a client needs a name, or a first and last name')
  const dueDays = readSmallInteger(body, 'due_days', 0, 3650)
  const patch: ContactPatch = {
    ...(coreName !== undefined
      ? { name: coreName, kind: name || current?.kind === 'company' ? 'company' : 'person' }
      : {}),
    ...contactFieldsFromWire(body),
    ...(dueDays !== undefined && extra.due_days_type !== 'SETTINGS' ? { paymentTermsDays: dueDays } : {}),
    extra: { billomat: extra },
  }
  return patch
}

/** The core contact's own fields in a client or supplier body; what is not given is kept. */
export function contactFieldsFromWire(body: WireObject): ContactPatch {
  const text = (name: string, maxLength: number) => readText(body, name, maxLength)
  const email = text('email', 10_000)
  const phone = text('phone', 40)
  const vatNo = text('vat_number', 40)
  const orgNo = text('tax_number', 40)
  const locale = text('locale', 10)
  const currency = text('currency_code', 3)?.toUpperCase()
  const notes = text('note', 10_000)
  const street = text('street', 255)
  const zip = text('zip', 20)
  const city = text('city', 255)
  const country = text('country_code', 2)?.toUpperCase()
  return {
    ...(email !== undefined ? { email } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(vatNo !== undefined ? { vatNo } : {}),
    ...(orgNo !== undefined ? { orgNo } : {}),
    ...(locale !== undefined ? { locale } : {}),
    ...(currency !== undefined ? { currency } : {}),
    ...(notes !== undefined ? { notes } : {}),
    address: {
      ...(street !== undefined ? { street } : {}),
      ...(zip !== undefined ? { zip } : {}),
      ...(city !== undefined ? { city } : {}),
      ...(country !== undefined ? { country } : {}),
    },
  }
}

/** The multi-line address Billomat composes from a contact's name and address. */
export function composedAddress(contact: Contact): string {
  const address = contact.address
  return [
    contact.name,
    address.street,
    [address.zip, address.city].filter(Boolean).join(' '),
    address.country,
  ]
    .filter((line) => line && line.trim() !== '')
    .join('\n')
}

export function clientNumberOf(contact: Contact): string {
  const extra = (contact.extra.billomat ?? {}) as WireStrings
  const number = extra.number ?? String(contact.contactNo)
  return (extra.number_pre ?? '') + number.padStart(Number(extra.number_length ?? '0'), '0')
}

export type Revenue = Readonly<{ netMinor: bigint; grossMinor: bigint }>

export function clientToWire(contact: Contact, revenue: Revenue, accountCurrency: CurrencyCode): WireRecord {
  const extra = (contact.extra.billomat ?? {}) as WireStrings
  const address = contact.address
  const composed = composedAddress(contact)
  const text = (name: string) => str(name, extra[name])
  return record('client', [
    int('id', contact.contactNo),
    datetime('created', contact.createdAt),
    datetime('updated', contact.updatedAt),
    str('archived', extra.archived ?? '0'),
    str('client_number', clientNumberOf(contact)),
    int('number', extra.number ?? contact.contactNo),
    str('number_pre', extra.number_pre),
    int('number_length', extra.number_length ?? '0'),
    str('name', contact.kind === 'person' && extra.first_name ? '' : contact.name),
    str('street', address.street),
    str('zip', address.zip),
    str('city', address.city),
    text('state'),
    str('country_code', address.country),
    str('address', composed),
    text('first_name'),
    text('last_name'),
    text('salutation'),
    str('phone', contact.phone),
    text('fax'),
    text('mobile'),
    str('email', contact.email),
    text('www'),
    str('tax_number', contact.orgNo),
    str('vat_number', contact.vatNo),
    ...[
      'bank_account_number',
      'bank_account_owner',
      'bank_number',
      'bank_name',
      'bank_swift',
      'bank_iban',
      'sepa_mandate',
    ].map(text),
    str('sepa_mandate_date', extra.sepa_mandate_date),
    str('tax_rule', extra.tax_rule ?? 'COUNTRY'),
    str('net_gross', extra.net_gross ?? 'SETTINGS'),
    text('default_payment_types'),
    str('note', contact.notes),
    float('reduction', extra.reduction),
    ...['discount_rate', 'discount_days', 'due_days', 'reminder_due_days', 'offer_validity_days'].flatMap(
      (field) => [
        str(`${field}_type`, extra[`${field}_type`] ?? 'SETTINGS'),
        field === 'discount_rate'
          ? float(field, extra[field])
          : int(field, field === 'due_days' ? (extra.due_days ?? contact.paymentTermsDays) : extra[field]),
      ],
    ),
    str('currency_code', contact.currency),
    int('price_group', extra.price_group),
    int('debitor_account_number', extra.debitor_account_number),
    str('dunning_run', extra.dunning_run ?? '1'),
    str('enable_customerportal', extra.enable_customerportal ?? '1'),
    money('revenue_gross', revenue.grossMinor, accountCurrency),
    money('revenue_net', revenue.netMinor, accountCurrency),
    text('customfield'),
  ])
}
