// A contact (customer and/or supplier) as the core sees it, and the validation of its fields.
// Dialects map their vendor's fields onto ContactFields; anything only one vendor knows rides
// along in `extra`, owned by that dialect.

import { invalidField } from '../errors.ts'

export type ContactKind = 'company' | 'person'

export type Address = Readonly<{
  street?: string | null
  street2?: string | null
  zip?: string | null
  city?: string | null
  country?: string | null
}>

export type ContactFields = Readonly<{
  kind: ContactKind
  name: string
  orgNo: string | null
  vatNo: string | null
  email: string | null
  phone: string | null
  address: Address
  locale: string | null
  currency: string | null
  paymentTermsDays: number | null
  isCustomer: boolean
  isSupplier: boolean
  notes: string | null
  extra: Readonly<Record<string, unknown>>
}>

export type Contact = ContactFields &
  Readonly<{ contactId: string; contactNo: bigint; createdAt: string; updatedAt: string }>

export type ContactPatch = Partial<ContactFields>

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/
const MAX_TEXT = 255

function checkText(field: string, value: string | null | undefined, max = MAX_TEXT): void {
  if (value != null && value.length > max)
    throw invalidField(field, `${field} must be at most ${max} characters`)
}

/** Checks a complete set of fields; both create and update end here, so the rules hold for both. */
export function validateContactFields(fields: ContactFields): ContactFields {
  if (fields.kind !== 'company' && fields.kind !== 'person')
    throw invalidField('kind', 'kind must be company or person')
  if (fields.name.trim() === '') throw invalidField('name', 'name must not be empty')
  checkText('name', fields.name)
  checkText('orgNo', fields.orgNo, 40)
  checkText('vatNo', fields.vatNo, 40)
  checkText('phone', fields.phone, 40)
  checkText('notes', fields.notes, 10_000)
  if (fields.email != null && fields.email !== '' && !EMAIL.test(fields.email)) {
    throw invalidField('email', `email must be an email address, got ${JSON.stringify(fields.email)}`)
  }
  const country = fields.address.country
  if (country != null && country !== '' && !/^[A-Z]{2}$/.test(country)) {
    throw invalidField('address.country', 'country must be an ISO 3166 alpha-2 code such as SE, DK or DE')
  }
  for (const key of ['street', 'street2', 'zip', 'city'] as const)
    checkText(`address.${key}`, fields.address[key])
  if (fields.locale != null && !/^[a-z]{2}([_-][A-Z]{2})?$/.test(fields.locale)) {
    throw invalidField('locale', 'locale must look like sv, da, de, en or da_DK')
  }
  if (fields.currency != null && !/^[A-Z]{3}$/.test(fields.currency)) {
    throw invalidField('currency', 'currency must be an ISO 4217 code')
  }
  if (
    fields.paymentTermsDays != null &&
    (!Number.isInteger(fields.paymentTermsDays) ||
      fields.paymentTermsDays < 0 ||
      fields.paymentTermsDays > 3650)
  ) {
    throw invalidField('paymentTermsDays', 'payment terms must be a whole number of days between 0 and 3650')
  }
  return fields
}

export const EMPTY_CONTACT: ContactFields = {
  kind: 'company',
  name: '',
  orgNo: null,
  vatNo: null,
  email: null,
  phone: null,
  address: {},
  locale: null,
  currency: null,
  paymentTermsDays: null,
  isCustomer: true,
  isSupplier: false,
  notes: null,
  extra: {},
}

/** Applies a patch: absent keys keep their value, so a partial update never clears a field by omission. */
export function applyContactPatch(current: ContactFields, patch: ContactPatch): ContactFields {
  const merged: ContactFields = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    address: { ...current.address, ...patch.address },
    extra: { ...current.extra, ...patch.extra },
  }
  return validateContactFields(merged)
}
