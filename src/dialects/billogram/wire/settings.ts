// The account settings singleton (../shared/reference/billogram.md §2; the Ruby fixture's shape)
// to and from the core organization. Bookkeeping accounts are read from the chart and are
// read-only here; `callbacks` (the account-wide callback, set in the vendor's web settings) is
// this server's addition, since it has no web settings.

import type { CallbackSubscription } from '../../../core/callbacks/callback-subscriptions.ts'
import type { LedgerAccount } from '../../../core/ledger/account-record.ts'
import type {
  OrganizationPatch,
  OrganizationProfile,
  OrganizationProfileSettings,
} from '../../../core/organizations/update-organization.ts'
import { readBoolean, readDecimal, readObject, readText } from './read.ts'
import type { Catalog, JsonObject } from './strict-body.ts'
import { decimalOut } from './values.ts'

const W = 'w' as const
export const SETTINGS: Catalog = {
  name: W,
  org_no: W,
  contact: { object: { name: W, email: W, phone: W } },
  address: { object: { street_address: W, careof: W, zipcode: W, city: W, country: W } },
  payment: {
    object: {
      bankgiro: W,
      plusgiro: W,
      domestic_bank_account: { object: { account_no: W, clearing_no: W } },
      international_bank_account: { object: { bank: W, iban: W, bic: W, swift: W } },
    },
  },
  tax: { object: { is_vat_registered: W, has_fskatt: W, vat_no: W } },
  invoices: {
    object: {
      default_message: W,
      default_interest_rate: W,
      default_reminder_fee: W,
      default_invoice_fee: W,
      automatic_reminders: W,
      automatic_collection: W,
    },
  },
  bookkeeping: 'r',
  callbacks: { object: { url: W, sign_key: W } },
}

/** What this dialect keeps of the settings in the organization's extra. */
export type SettingsExtra = Readonly<{
  careof?: string
  clearingNo?: string
  bankName?: string
  isVatRegistered?: boolean
  hasFskatt?: boolean
  defaultMessage?: string
  defaultInterestRate?: string
  defaultReminderFee?: string
  defaultInvoiceFee?: string
  automaticReminders?: unknown
  automaticCollection?: unknown
}>

export function settingsExtraOf(settings: OrganizationProfileSettings): SettingsExtra {
  const own = settings.extra?.billogram
  return typeof own === 'object' && own !== null ? (own as SettingsExtra) : {}
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

export function settingsFromWire(body: JsonObject, current: OrganizationProfile): OrganizationPatch {
  const contact = readObject(body, 'contact') ?? {}
  const address = readObject(body, 'address') ?? {}
  const payment = readObject(body, 'payment') ?? {}
  const domestic = readObject(payment, 'domestic_bank_account', ['payment']) ?? {}
  const international = readObject(payment, 'international_bank_account', ['payment']) ?? {}
  const tax = readObject(body, 'tax') ?? {}
  const invoices = readObject(body, 'invoices') ?? {}
  const at = (group: string, inner?: string) => (inner ? ['payment', inner] : [group])
  const decimal = (key: string) => {
    const value = readDecimal(invoices, key, ['invoices'])
    return value === undefined ? undefined : String(value)
  }
  const extra: SettingsExtra = {
    ...settingsExtraOf(current.settings),
    ...defined('careof', readText(address, 'careof', at('address'))),
    ...defined('clearingNo', readText(domestic, 'clearing_no', at('payment', 'domestic_bank_account'), 10)),
    ...defined('bankName', readText(international, 'bank', at('payment', 'international_bank_account'))),
    ...defined('isVatRegistered', readBoolean(tax, 'is_vat_registered', ['tax'])),
    ...defined('hasFskatt', readBoolean(tax, 'has_fskatt', ['tax'])),
    ...defined('defaultMessage', readText(invoices, 'default_message', ['invoices'], 4000)),
    ...defined('defaultInterestRate', decimal('default_interest_rate')),
    ...defined('defaultReminderFee', decimal('default_reminder_fee')),
    ...defined('defaultInvoiceFee', decimal('default_invoice_fee')),
    ...(invoices.automatic_reminders === undefined
      ? {}
      : { automaticReminders: invoices.automatic_reminders }),
    ...(invoices.automatic_collection === undefined
      ? {}
      : { automaticCollection: invoices.automatic_collection }),
  }
  const iban = readText(international, 'iban', at('payment', 'international_bank_account'), 40)
  const bic =
    readText(international, 'bic', at('payment', 'international_bank_account'), 11) ??
    readText(international, 'swift', at('payment', 'international_bank_account'), 11)
  return {
    ...defined('name', readText(body, 'name')),
    settings: {
      ...defined('orgNo', readText(body, 'org_no', [], 40)),
      ...defined('vatNo', readText(tax, 'vat_no', ['tax'], 40)),
      ...defined('email', readText(contact, 'email', ['contact'])),
      ...defined('phone', readText(contact, 'phone', ['contact'], 40)),
      ...defined('contactName', readText(contact, 'name', ['contact'])),
      address: {
        ...defined('street', readText(address, 'street_address', ['address'])),
        ...defined('zip', readText(address, 'zipcode', ['address'], 20)),
        ...defined('city', readText(address, 'city', ['address'])),
        ...defined('country', readText(address, 'country', ['address'], 2)?.toUpperCase()),
      },
      bank: {
        ...defined('bankgiro', readText(payment, 'bankgiro', ['payment'], 20)),
        ...defined('plusgiro', readText(payment, 'plusgiro', ['payment'], 20)),
        ...defined('accountNo', readText(domestic, 'account_no', at('payment', 'domestic_bank_account'), 30)),
        ...defined('iban', iban),
        ...defined('bic', bic),
      },
      extra: { billogram: extra },
    },
  }
}

function accountFor(
  chart: readonly LedgerAccount[],
  role: LedgerAccount['role'],
  vatRatePercent?: string,
): string {
  const candidates = chart.filter((account) => account.role === role && !account.isArchived)
  const exact = candidates.find((account) => account.vatRatePercent === vatRatePercent)
  return (
    (exact ?? candidates.find((account) => account.vatRatePercent === undefined) ?? candidates[0])?.number ??
    ''
  )
}

/** The chart's account for öre rounding, which a billogram's rounding line is booked to. */
export function roundingAccountOf(chart: readonly LedgerAccount[]): string | undefined {
  return accountFor(chart, 'rounding') || undefined
}

export function settingsToWire(
  profile: OrganizationProfile,
  chart: readonly LedgerAccount[],
  callback: CallbackSubscription | null,
) {
  const settings = profile.settings
  const extra = settingsExtraOf(settings)
  const rates = ['25', '12', '6', '0'] as const
  return {
    name: profile.name,
    org_no: settings.orgNo ?? '',
    contact: { name: settings.contactName ?? '', email: settings.email ?? '', phone: settings.phone ?? '' },
    address: {
      street_address: settings.address?.street ?? '',
      careof: extra.careof ?? '',
      zipcode: settings.address?.zip ?? '',
      city: settings.address?.city ?? '',
      country: settings.address?.country ?? profile.country,
    },
    payment: {
      bankgiro: settings.bank?.bankgiro ?? '',
      plusgiro: settings.bank?.plusgiro ?? '',
      domestic_bank_account: {
        account_no: settings.bank?.accountNo ?? '',
        clearing_no: extra.clearingNo ?? '',
      },
      international_bank_account: {
        bank: extra.bankName ?? '',
        iban: settings.bank?.iban ?? '',
        bic: settings.bank?.bic ?? '',
        swift: settings.bank?.bic ?? '',
      },
    },
    tax: {
      is_vat_registered: extra.isVatRegistered ?? true,
      has_fskatt: extra.hasFskatt ?? true,
      vat_no: settings.vatNo ?? '',
    },
    invoices: {
      default_message: extra.defaultMessage ?? '',
      default_interest_rate: decimalOut(extra.defaultInterestRate ?? '0'),
      default_reminder_fee: decimalOut(extra.defaultReminderFee ?? '0'),
      default_invoice_fee: decimalOut(extra.defaultInvoiceFee ?? '0'),
      automatic_reminders: extra.automaticReminders ?? [],
      automatic_collection: extra.automaticCollection ?? null,
    },
    bookkeeping: {
      account_receivable_account: accountFor(chart, 'receivables'),
      banking_account: accountFor(chart, 'bank'),
      ...Object.fromEntries(
        rates.map((rate) => [`income_account_for_vat_${rate}`, accountFor(chart, 'revenue', rate)]),
      ),
      ...Object.fromEntries(
        rates
          .slice(0, 3)
          .map((rate) => [`vat_account_for_vat_${rate}`, accountFor(chart, 'outputVat', rate)]),
      ),
      reminder_fee_account: accountFor(chart, 'reminderFeeRevenue'),
      interest_fee_account: accountFor(chart, 'interestIncome'),
      rounding_account: accountFor(chart, 'rounding'),
    },
    callbacks: callback ? { url: callback.url, sign_key: callback.signKey } : null,
  }
}

/**
 * A new billogram's body with the account's defaults filled in where it is silent: the invoice
 * fee, the message, the reminder fee, the interest rate and the automatic reminders, as the vendor falls back to its
 * settings (../shared/reference/billogram.md §1, "many fields fall back to account settings").
 */
export function withAccountDefaults(body: JsonObject, settings: OrganizationProfileSettings): JsonObject {
  const extra = settingsExtraOf(settings)
  const info = readObject(body, 'info') ?? {}
  const positive = (value: string | undefined) => value !== undefined && /[1-9]/.test(value)
  return {
    ...body,
    ...(body.invoice_fee === undefined && positive(extra.defaultInvoiceFee)
      ? { invoice_fee: extra.defaultInvoiceFee }
      : {}),
    ...(body.reminder_fee === undefined && positive(extra.defaultReminderFee)
      ? { reminder_fee: extra.defaultReminderFee }
      : {}),
    ...(body.interest_rate === undefined && positive(extra.defaultInterestRate)
      ? { interest_rate: extra.defaultInterestRate }
      : {}),
    ...(body.automatic_reminders === undefined &&
    body.automatic_reminders_settings === undefined &&
    Array.isArray(extra.automaticReminders)
      ? { automatic_reminders_settings: extra.automaticReminders }
      : {}),
    ...(body.automatic_collection === undefined && typeof extra.automaticCollection === 'object'
      ? { automatic_collection: extra.automaticCollection }
      : {}),
    ...(info.message === undefined && extra.defaultMessage
      ? { info: { ...info, message: extra.defaultMessage } }
      : {}),
  }
}
