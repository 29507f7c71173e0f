// The Billogram customer (../shared/reference/billogram.md §3) to and from the core contact.
// customer_no is the contact number; company_type sets the contact's kind and how org_no is
// checked; what the core has no column for (the contact person's name, care-of as attention, the
// delivery address, letter forwarding) rides in the contact's extra under `billogram`.

import type { Contact, ContactPatch } from '../../../domain/contacts/contact.ts'
import { parseSwedishIdentityNumber } from '../../../domain/contacts/swedish-identity-number.ts'
import type { FieldNames } from '../errors.ts'
import { BillogramWireError } from '../errors.ts'
import type { ListFields } from './list-query.ts'
import { readBoolean, readChoice, readObject, readText } from './read.ts'
import type { Catalog, JsonObject } from './strict-body.ts'
import { timestampOut, wholeOut } from './values.ts'

export const COMPANY_TYPES = ['individual', 'business', 'foreign individual', 'foreign business'] as const
export type CompanyType = (typeof COMPANY_TYPES)[number]

const ADDRESS: Catalog = {
  street_address: 'w',
  careof: 'w',
  use_careof_as_attention: 'w',
  attention: 'w',
  zipcode: 'w',
  city: 'w',
  country: 'w',
}
const DELIVERY_ADDRESS: Catalog = { ...ADDRESS, name: 'w' }

const FIELDS: Catalog = {
  name: 'w',
  notes: 'w',
  org_no: 'w',
  vat_no: 'w',
  company_type: 'w',
  language: 'w',
  email: 'w',
  phone: 'w',
  contact: { object: { name: 'w', email: 'w', phone: 'w' } },
  address: { object: ADDRESS },
  delivery_address: { object: DELIVERY_ADDRESS },
  letter_forwarding_enabled: 'w',
  payment_settings: 'r',
  created_at: 'r',
  updated_at: 'r',
}

export const CUSTOMER_CREATE: Catalog = { ...FIELDS, customer_no: 'w' }
export const CUSTOMER_UPDATE: Catalog = { ...FIELDS, customer_no: 'r' }

/** The part of a contact's extra this dialect owns. */
type CustomerExtra = Readonly<{
  companyType?: CompanyType
  contactName?: string
  attention?: string
  useCareofAsAttention?: boolean
  deliveryAddress?: JsonObject
  letterForwarding?: boolean
}>

function extraOf(contact: Contact | undefined): CustomerExtra {
  const own = contact?.extra.billogram
  return typeof own === 'object' && own !== null ? (own as CustomerExtra) : {}
}

// Billogram is a Swedish service: "domestic" in its company types means Sweden, whatever the
// country of the organization using it.
const DOMESTIC_COUNTRY = 'SE'

export function companyTypeOf(contact: Contact): CompanyType {
  const stored = extraOf(contact).companyType
  if (stored) return stored
  const foreign = contact.address.country != null && contact.address.country !== DOMESTIC_COUNTRY
  const base = contact.kind === 'person' ? 'individual' : 'business'
  return foreign ? `foreign ${base}` : base
}

/** Domestic customers carry a Swedish personal or organisation number; foreign ones anything. */
function checkOrgNo(orgNo: string | null, companyType: CompanyType): void {
  if (orgNo === null || companyType.startsWith('foreign')) return
  const parsed = parseSwedishIdentityNumber(orgNo)
  if (companyType === 'individual' && parsed?.kind !== 'personal')
    throw new BillogramWireError(
      'INVALID_PARAMETER',
      `${orgNo} is not a valid Swedish personal identity number`,
      ['org_no'],
    )
  if (companyType === 'business' && !parsed)
    throw new BillogramWireError(
      'INVALID_PARAMETER',
      `${orgNo} is not a valid Swedish organisation or personal identity number`,
      ['org_no'],
    )
}

function inferredType(orgNo: string | null): CompanyType {
  return orgNo !== null && parseSwedishIdentityNumber(orgNo)?.kind === 'personal' ? 'individual' : 'business'
}

const blankToNull = (value: string | undefined) =>
  value === undefined ? undefined : value.trim() === '' ? null : value.trim()

/** A contact patch from a create or update body; `current` is the contact being updated. */
export function customerFromWire(body: JsonObject, current: Contact | undefined): ContactPatch {
  const contact = readObject(body, 'contact') ?? {}
  const address = readObject(body, 'address') ?? {}
  const orgNo = blankToNull(readText(body, 'org_no', [], 40))
  const companyType =
    readChoice(body, 'company_type', COMPANY_TYPES) ??
    (current ? companyTypeOf(current) : inferredType(orgNo ?? null))
  checkOrgNo(orgNo === undefined ? (current?.orgNo ?? null) : orgNo, companyType)
  const country = blankToNull(readText(address, 'country', ['address'], 2)?.toUpperCase())
  const delivery = readObject(body, 'delivery_address')
  const extra: CustomerExtra = {
    ...extraOf(current),
    companyType,
    ...optional('contactName', readText(contact, 'name', ['contact'])),
    ...optional('attention', readText(address, 'attention', ['address'])),
    ...optional('useCareofAsAttention', readBoolean(address, 'use_careof_as_attention', ['address'])),
    ...(delivery ? { deliveryAddress: delivery } : {}),
    ...optional('letterForwarding', readBoolean(body, 'letter_forwarding_enabled')),
  }
  const language = blankToNull(readText(body, 'language', [], 5))
  return {
    kind: companyType.endsWith('individual') ? 'person' : 'company',
    ...optional('name', readText(body, 'name')),
    ...optional('notes', blankToNull(readText(body, 'notes', [], 10_000))),
    ...optional('orgNo', orgNo),
    ...optional('vatNo', blankToNull(readText(body, 'vat_no', [], 40))),
    ...optional('email', blankToNull(readText(contact, 'email', ['contact']) ?? readText(body, 'email'))),
    ...optional(
      'phone',
      blankToNull(readText(contact, 'phone', ['contact'], 40) ?? readText(body, 'phone', [], 40)),
    ),
    ...optional('locale', language),
    address: {
      ...optional('street', blankToNull(readText(address, 'street_address', ['address']))),
      ...optional('street2', blankToNull(readText(address, 'careof', ['address']))),
      ...optional('zip', blankToNull(readText(address, 'zipcode', ['address'], 20))),
      ...optional('city', blankToNull(readText(address, 'city', ['address']))),
      ...optional('country', country),
    },
    extra: { billogram: extra },
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

export function customerToWire(contact: Contact) {
  const extra = extraOf(contact)
  const delivery = extra.deliveryAddress ?? {}
  const text = (key: string) => (typeof delivery[key] === 'string' ? delivery[key] : '')
  return {
    customer_no: wholeOut(contact.contactNo),
    name: contact.name,
    notes: contact.notes ?? '',
    org_no: contact.orgNo ?? '',
    vat_no: contact.vatNo ?? '',
    company_type: companyTypeOf(contact),
    language: contact.locale ?? '',
    contact: { name: extra.contactName ?? '', email: contact.email ?? '', phone: contact.phone ?? '' },
    address: {
      street_address: contact.address.street ?? '',
      careof: contact.address.street2 ?? '',
      use_careof_as_attention: extra.useCareofAsAttention ?? false,
      attention: extra.attention ?? '',
      zipcode: contact.address.zip ?? '',
      city: contact.address.city ?? '',
      country: contact.address.country ?? '',
    },
    delivery_address: {
      name: text('name'),
      street_address: text('street_address'),
      careof: text('careof'),
      attention: text('attention'),
      zipcode: text('zipcode'),
      city: text('city'),
      country: text('country'),
    },
    payment_settings: null,
    letter_forwarding_enabled: extra.letterForwarding ?? false,
    created_at: timestampOut(contact.createdAt),
    updated_at: timestampOut(contact.updatedAt),
  }
}

export const CUSTOMER_LIST: ListFields = {
  filter: {
    customer_no: { core: 'contactNo', kind: 'whole' },
    name: { core: 'name', kind: 'text' },
    notes: { core: 'notes', kind: 'text' },
    org_no: { core: 'orgNo', kind: 'text' },
    'contact:email': { core: 'email', kind: 'text' },
    'contact:phone': { core: 'phone', kind: 'text' },
    'address:street_address': { core: 'street', kind: 'text' },
    'address:zipcode': { core: 'zip', kind: 'text' },
    'address:city': { core: 'city', kind: 'text' },
    'address:country': { core: 'country', kind: 'text' },
  },
  special: {
    company_type: (value) => {
      const type = COMPANY_TYPES.find((candidate) => candidate === value)
      if (!type)
        throw new BillogramWireError(
          'INVALID_QUERY_PARAMETER',
          `company_type is one of ${COMPANY_TYPES.join(', ')}`,
          ['filter_value'],
        )
      return {
        filters: [{ field: 'kind', op: 'eq', value: type.endsWith('individual') ? 'person' : 'company' }],
      }
    },
  },
  order: {
    customer_no: 'contactNo',
    name: 'name',
    org_no: 'orgNo',
    'contact:email': 'email',
    'address:zipcode': 'zip',
    'address:city': 'city',
    created_at: 'createdAt',
    updated_at: 'updatedAt',
  },
  search: ['name', 'orgNo', 'email', 'phone', 'city', 'notes'],
}

/** Core contact fields as the customer resource names them. */
export const CUSTOMER_FIELD_NAMES: FieldNames = [
  [/^contactNo$/, 'customer_no'],
  [/^orgNo$/, 'org_no'],
  [/^vatNo$/, 'vat_no'],
  [/^email$/, 'contact.email'],
  [/^phone$/, 'contact.phone'],
  [/^locale$/, 'language'],
  [/^address\.street$/, 'address.street_address'],
  [/^address\.street2$/, 'address.careof'],
  [/^address\.zip$/, 'address.zipcode'],
]
