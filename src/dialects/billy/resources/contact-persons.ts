// /v2/contactPersons: the people at a contact, who invoices are addressed and mailed to. Also
// saved embedded in a contact, where the given list replaces the contact's persons.

import { getContactPersons, listContactPersons } from '../../../core/contact-persons/list-contact-persons.ts'
import {
  createContactPerson,
  deleteContactPerson,
  updateContactPerson,
} from '../../../core/contact-persons/save-contact-person.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { ContactPerson, ContactPersonPatch } from '../../../domain/contacts/contact-person.ts'
import type {
  Changes,
  RecordRef,
  RequestContext,
  Resource,
  WireInput,
  WireRecord,
} from '../engine/resource.ts'
import { asChild } from '../engine/tag-error.ts'
import { wireTime } from '../engine/wire-values.ts'
import { CREATED_TIME, definedOnly, flag, has, ref, text, textPatch } from './common.ts'

export function contactPersonToWire(person: ContactPerson): WireRecord {
  return {
    id: person.contactPersonId,
    contactId: person.contactId,
    createdTime: wireTime(person.createdAt),
    isPrimary: person.isPrimary,
    name: person.name,
    email: person.email,
    phone: person.phone,
  }
}

function patchOf(input: WireInput): ContactPersonPatch {
  return definedOnly({
    name: has(input, 'name') ? (text(input, 'name') ?? '') : undefined,
    email: textPatch(input, 'email'),
    phone: textPatch(input, 'phone'),
    isPrimary: flag(input, 'isPrimary'),
  })
}

/** Replaces a contact's persons with `inputs` (created new), reporting both the new and the removed. */
export async function replacePersons(
  context: RequestContext,
  contactId: string,
  inputs: readonly WireInput[],
  removeExisting: boolean,
): Promise<Changes> {
  const deleted: RecordRef[] = []
  if (removeExisting) {
    for (const person of await getContactPersons(context.core, context.tenant, { contactIds: [contactId] })) {
      await deleteContactPerson(context.core, context.tenant, person.contactPersonId)
      deleted.push(ref('contactPerson', person.contactPersonId))
    }
  }
  const changed: RecordRef[] = []
  for (const [index, input] of inputs.entries()) {
    const person = await asChild('contactPersons', index, () =>
      createContactPerson(context.core, context.tenant, contactId, patchOf(input)),
    )
    changed.push(ref('contactPerson', person.contactPersonId, input.clientId))
  }
  return { changed, deleted }
}

/** A person made primary unmarks the contact's other persons, so they changed too. */
async function withSiblings(
  context: RequestContext,
  person: ContactPerson,
  input: WireInput,
): Promise<Changes> {
  const own = ref('contactPerson', person.contactPersonId, input.clientId)
  if (!person.isPrimary || flag(input, 'isPrimary') !== true) return { changed: [own], deleted: [] }
  const siblings = await getContactPersons(context.core, context.tenant, { contactIds: [person.contactId] })
  return {
    changed: [own, ...siblings.map((sibling) => ref('contactPerson', sibling.contactPersonId))],
    deleted: [],
  }
}

export const contactPersons: Resource = {
  def: {
    singular: 'contactPerson',
    plural: 'contactPersons',
    properties: {
      contactId: { type: 'id', resource: 'contact', access: 'immutable', required: true },
      createdTime: CREATED_TIME,
      isPrimary: { type: 'boolean' },
      name: { type: 'string', description: 'Either name or email must be set.' },
      email: { type: 'string' },
      phone: { type: 'string' },
    },
    operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
    filters: { contactId: { type: 'string' }, isPrimary: { type: 'boolean' }, email: { type: 'string' } },
    sortable: ['name', 'email', 'createdTime'],
    search: true,
  },
  store: {
    async load(context, ids) {
      const persons = await getContactPersons(context.core, context.tenant, { ids })
      return persons.map(contactPersonToWire)
    },
    async byParent(context, _inverse, contactIds) {
      const persons = await getContactPersons(context.core, context.tenant, { contactIds })
      return persons.map(contactPersonToWire)
    },
    async list(context, query) {
      const filters: Filter[] = []
      if (query.filters.contactId)
        filters.push({ field: 'contactId', op: 'in', value: query.filters.contactId })
      if (query.filters.email) filters.push({ field: 'email', op: 'in', value: query.filters.email })
      if (query.filters.isPrimary)
        filters.push({ field: 'isPrimary', op: 'eq', value: query.filters.isPrimary[0] === 'true' })
      const q = query.q
      const sortField =
        { name: 'name', email: 'email', createdTime: 'createdAt' }[query.sort?.property ?? ''] ?? 'name'
      const page = await listContactPersons(context.core, context.tenant, {
        filters,
        ...(q
          ? {
              anyOf: ['name', 'email'].map((field) => [
                { field, op: 'contains' as const, value: q, caseInsensitive: true },
              ]),
            }
          : {}),
        orderBy: query.sort ? [{ field: sortField, direction: query.sort.direction }] : [],
        limit: query.limit,
        offset: query.offset,
      })
      return { records: page.items.map(contactPersonToWire), total: page.totalCount }
    },
    async create(context, input) {
      const contactId = text(input, 'contactId') ?? ''
      const person = await createContactPerson(context.core, context.tenant, contactId, patchOf(input))
      return withSiblings(context, person, input)
    },
    async update(context, id, input) {
      const person = await updateContactPerson(context.core, context.tenant, id, patchOf(input))
      return withSiblings(context, person, input)
    },
    async delete(context, id) {
      const existed = await deleteContactPerson(context.core, context.tenant, id)
      return { changed: [], deleted: existed ? [ref('contactPerson', id)] : [] }
    },
  },
}
