// A person at a contact: who invoices are addressed to and mailed to. The invariant it protects:
// a person has a name or an email address (one is enough to reach them), and an email address
// is one address, so mail built from it cannot carry a second recipient.

import { invalidField } from '../errors.ts'

export type ContactPersonFields = Readonly<{
  name: string
  email: string | null
  phone: string | null
  isPrimary: boolean
  extra: Readonly<Record<string, unknown>>
}>

export type ContactPerson = ContactPersonFields &
  Readonly<{ contactPersonId: string; contactId: string; personSeq: bigint; createdAt: string }>

export type ContactPersonPatch = Partial<ContactPersonFields>

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/

export const EMPTY_CONTACT_PERSON: ContactPersonFields = {
  name: '',
  email: null,
  phone: null,
  isPrimary: false,
  extra: {},
}

export function validateContactPersonFields(fields: ContactPersonFields): ContactPersonFields {
  const name = fields.name.trim()
  const email = fields.email?.trim() || null
  if (name === '' && email === null)
    throw invalidField('name', 'a contact person needs a name or an email address')
  if (name.length > 255) throw invalidField('name', 'name must be at most 255 characters')
  if (email !== null && !EMAIL.test(email))
    throw invalidField('email', `email must be one email address, got ${JSON.stringify(email)}`)
  if (fields.phone != null && fields.phone.length > 40)
    throw invalidField('phone', 'phone must be at most 40 characters')
  return { ...fields, name, email }
}

export function applyContactPersonPatch(
  current: ContactPersonFields,
  patch: ContactPersonPatch,
): ContactPersonFields {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
  return validateContactPersonFields({ ...current, ...defined, extra: { ...current.extra, ...patch.extra } })
}
