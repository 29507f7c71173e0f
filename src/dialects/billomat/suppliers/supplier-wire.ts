// Suppliers (appendix: lieferanten) between Billomat's wire and the core's contacts in the supplier
// role. Name, email, phone, address, VAT and tax numbers, locale, currency and note are the
// contact's own fields; the rest rides in `extra.billomat` as written. A supplier made here is a
// supplier only; a contact that is both (from another dialect) shows in both lists.

import type { Contact, ContactPatch } from '../../../domain/contacts/contact.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { composedAddress, contactFieldsFromWire } from '../clients/client-wire.ts'
import { mergeStrings, type WireStrings } from '../invoices/extra.ts'
import type { WireObject } from '../wire/body.ts'
import { readInteger, readText } from '../wire/read.ts'
import { bool, datetime, int, list, money, nested, record, str, type WireRecord } from '../wire/tree.ts'

const EXTRA_TEXT = [
  'state',
  'first_name',
  'last_name',
  'salutation',
  'fax',
  'mobile',
  'www',
  'creditor_identifier',
  'bank_account_number',
  'bank_account_owner',
  'bank_number',
  'bank_name',
  'bank_swift',
  'bank_iban',
  'client_number',
  'customfield',
] as const

export const SUPPLIER_ELEMENTS = [
  'name',
  'street',
  'zip',
  'city',
  'country_code',
  'phone',
  'email',
  'tax_number',
  'vat_number',
  'note',
  'currency_code',
  'locale',
  'creditor_account_number',
  ...EXTRA_TEXT,
]

/** The member states of the European Union, for `is_eu_country`. */
const EU_COUNTRIES = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
)

export function supplierFromWire(body: WireObject, current?: Contact): ContactPatch {
  const stored = (current?.extra.billomat ?? {}) as WireStrings
  const extra = mergeStrings(stored, {
    ...Object.fromEntries(EXTRA_TEXT.map((field) => [field, readText(body, field, 1000)])),
    creditor_account_number: readInteger(body, 'creditor_account_number')?.toString(),
  })
  const name = readText(body, 'name', 255)
  const personName = [extra.first_name, extra.last_name].filter(Boolean).join(' ')
  const coreName = name ?? (current ? undefined : personName || readText(body, 'email'))
  if (!current && !coreName) throw invalidField('name', 'a supplier needs a name, or a first and last name')
  return {
    ...(coreName !== undefined
      ? { name: coreName, kind: name || current?.kind === 'company' ? 'company' : 'person' }
      : {}),
    ...contactFieldsFromWire(body),
    ...(current ? {} : { isSupplier: true, isCustomer: false }),
    extra: { billomat: extra },
  }
}

export type SupplierCosts = Readonly<{ netMinor: bigint; grossMinor: bigint }>

export function supplierToWire(
  contact: Contact,
  costs: SupplierCosts,
  accountCurrency: CurrencyCode,
  propertyValues: readonly WireRecord[],
): WireRecord {
  const extra = (contact.extra.billomat ?? {}) as WireStrings
  const text = (name: string) => str(name, extra[name])
  const address = contact.address
  return record('supplier', [
    int('id', contact.contactNo),
    datetime('created', contact.createdAt),
    datetime('updated', contact.updatedAt),
    str('name', contact.kind === 'person' && extra.first_name ? '' : contact.name),
    text('salutation'),
    text('first_name'),
    text('last_name'),
    str('street', address.street),
    str('zip', address.zip),
    str('city', address.city),
    text('state'),
    str('country_code', address.country),
    bool('is_eu_country', address.country ? EU_COUNTRIES.has(address.country) : null),
    str('address', composedAddress(contact)),
    str('phone', contact.phone),
    text('fax'),
    text('mobile'),
    str('email', contact.email),
    text('www'),
    str('tax_number', contact.orgNo),
    str('vat_number', contact.vatNo),
    ...[
      'bank_account_owner',
      'bank_number',
      'bank_name',
      'bank_account_number',
      'bank_swift',
      'bank_iban',
    ].map(text),
    str('currency_code', contact.currency),
    str('locale', contact.locale),
    str('note', contact.notes),
    text('client_number'),
    int('creditor_account_number', extra.creditor_account_number),
    text('creditor_identifier'),
    money('costs_gross', costs.grossMinor, accountCurrency),
    money('costs_net', costs.netMinor, accountCurrency),
    text('customfield'),
    nested(list('supplier-property-values', 'supplier-property-value', propertyValues)),
  ])
}
