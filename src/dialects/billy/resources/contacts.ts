// /v2/contacts: the core's contacts as Billy shows them, with their persons embeddable (saving
// `contactPersons` replaces the contact's persons, as the seed says). Address ids (city, state,
// zipcode) name Billy's reference records (./addresses.ts); they are kept beside the text forms,
// which they fill in when the client sends only the id.

import { createContact } from '../../../core/contacts/create-contact.ts'
import { deleteContact } from '../../../core/contacts/delete-contact.ts'
import { getContact } from '../../../core/contacts/get-contact.ts'
import { listContacts } from '../../../core/contacts/list-contacts.ts'
import { updateContact } from '../../../core/contacts/update-contact.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { Contact, ContactPatch } from '../../../domain/contacts/contact.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { wireTime } from '../engine/wire-values.ts'
import { billyLocaleId, coreLocaleOf, isCountryCode } from '../reference/countries.ts'
import {
  billyFieldsOf,
  CREATED_TIME,
  checkOrganization,
  definedOnly,
  flag,
  has,
  ORGANIZATION,
  ref,
  text,
  textPatch,
  whole,
  withBillyFields,
} from './common.ts'
import { addressOf } from './contact-address.ts'
import { replacePersons } from './contact-persons.ts'

const BILLY_ONLY = [
  'fax',
  'ean',
  'stateText',
  'paymentTermsMode',
  'accessCode',
  'emailAttachmentDeliveryMode',
  'isArchived',
] as const

export function contactToWire(contact: Contact, organizationId: string): WireRecord {
  const billy = billyFieldsOf(contact.extra)
  return {
    id: contact.contactId,
    organizationId,
    type: contact.kind,
    createdTime: wireTime(contact.createdAt),
    name: contact.name,
    countryId: contact.address.country ?? null,
    street: contact.address.street ?? null,
    cityId: billy.cityId ?? null,
    cityText: contact.address.city ?? null,
    stateId: billy.stateId ?? null,
    stateText: billy.stateText ?? null,
    zipcodeId: billy.zipcodeId ?? null,
    zipcodeText: contact.address.zip ?? null,
    contactNo: (billy.contactNo as string | undefined) ?? String(contact.contactNo),
    phone: contact.phone,
    fax: billy.fax ?? null,
    currencyId: contact.currency,
    registrationNo: contact.orgNo ?? contact.vatNo,
    ean: billy.ean ?? null,
    localeId: billyLocaleId(contact.locale),
    isCustomer: contact.isCustomer,
    isSupplier: contact.isSupplier,
    paymentTermsMode: billy.paymentTermsMode ?? 'net',
    paymentTermsDays: contact.paymentTermsDays,
    accessCode: billy.accessCode ?? null,
    emailAttachmentDeliveryMode: billy.emailAttachmentDeliveryMode ?? 'link',
    isArchived: billy.isArchived ?? false,
  }
}

function patchOf(input: WireInput, current: Contact | undefined): ContactPatch {
  const country = text(input, 'countryId')
  if (country !== undefined && (country === null || !isCountryCode(country)))
    throw invalidField(
      'countryId',
      `countryId must be an ISO 3166 country code such as DK, got ${JSON.stringify(country)}`,
    )
  const localeId = text(input, 'localeId')
  const billy = Object.fromEntries(BILLY_ONLY.map((name) => [name, input.values[name]]))
  const contactNo = text(input, 'contactNo')
  if (contactNo !== undefined && (current !== undefined || !/^[1-9]\d{0,17}$/.test(contactNo ?? '')))
    billy.contactNo = contactNo ?? undefined
  const { texts, ids } = addressOf(input)
  Object.assign(billy, ids)
  const address = definedOnly({
    country: country ?? undefined,
    street: textPatch(input, 'street'),
    city: texts.city,
    zip: texts.zip,
  })
  return {
    ...definedOnly({
      kind: text(input, 'type') as 'company' | 'person' | undefined,
      name: has(input, 'name') ? (text(input, 'name') ?? '') : undefined,
      phone: textPatch(input, 'phone'),
      currency: textPatch(input, 'currencyId'),
      orgNo: textPatch(input, 'registrationNo'),
      locale: localeId === undefined ? undefined : localeId === null ? null : coreLocaleOf(localeId),
      isCustomer: flag(input, 'isCustomer'),
      isSupplier: flag(input, 'isSupplier'),
      paymentTermsDays: whole(input, 'paymentTermsDays'),
    }),
    address,
    extra: withBillyFields(current?.extra ?? {}, billy),
  }
}

async function saveContact(context: RequestContext, input: WireInput, id?: string): Promise<Changes> {
  checkOrganization(context, input)
  const { tenant, core } = context
  const current = id === undefined ? undefined : await getContact(core, tenant, id)
  const patch = patchOf(input, current)
  const contactNo = text(input, 'contactNo')
  const saved = current
    ? await updateContact(core, tenant, current.contactId, patch)
    : await createContact(core, tenant, {
        ...patch,
        ...(contactNo && /^[1-9]\d{0,17}$/.test(contactNo) ? { contactNo: BigInt(contactNo) } : {}),
      })
  const persons = input.children.contactPersons
  const personChanges = persons
    ? await replacePersons(context, saved.contactId, persons, current !== undefined)
    : undefined
  return {
    changed: [ref('contact', saved.contactId, input.clientId), ...(personChanges?.changed ?? [])],
    deleted: personChanges?.deleted ?? [],
  }
}

function filtersOf(query: Parameters<NonNullable<Resource['store']['list']>>[1]): Filter[] {
  const filters: Filter[] = []
  const f = query.filters
  for (const [name, field] of [
    ['isCustomer', 'isCustomer'],
    ['isSupplier', 'isSupplier'],
  ] as const)
    if (f[name]) filters.push({ field, op: 'eq', value: f[name][0] === 'true' })
  if (f.countryId) filters.push({ field: 'country', op: 'in', value: f.countryId })
  if (f.currencyId) filters.push({ field: 'currency', op: 'in', value: f.currencyId })
  if (f.phone) filters.push({ field: 'phone', op: 'in', value: f.phone })
  if (f.registrationNo) filters.push({ field: 'orgNo', op: 'in', value: f.registrationNo })
  if (f.contactNo) {
    const numbers = f.contactNo.filter((no) => /^\d{1,18}$/.test(no)).map((no) => BigInt(no))
    filters.push({ field: 'contactNo', op: 'in', value: numbers })
  }
  return filters
}

const SORT_FIELDS: Readonly<Record<string, string>> = {
  name: 'name',
  contactNo: 'contactNo',
  createdTime: 'createdAt',
}

export const contacts: Resource = {
  def: {
    singular: 'contact',
    plural: 'contacts',
    properties: {
      type: { type: 'enum', values: ['company', 'person'] },
      organizationId: ORGANIZATION,
      createdTime: CREATED_TIME,
      name: { type: 'string', required: true },
      countryId: { type: 'id', resource: 'country', required: true },
      street: { type: 'string' },
      cityId: { type: 'id', resource: 'city' },
      cityText: { type: 'string' },
      stateId: { type: 'id', resource: 'state' },
      stateText: { type: 'string' },
      zipcodeId: { type: 'id', resource: 'zipcode' },
      zipcodeText: { type: 'string' },
      contactNo: { type: 'string' },
      phone: { type: 'string' },
      fax: { type: 'string' },
      currencyId: { type: 'id', resource: 'currency' },
      registrationNo: { type: 'string' },
      ean: { type: 'string' },
      localeId: { type: 'id', resource: 'locale' },
      isCustomer: { type: 'boolean' },
      isSupplier: { type: 'boolean' },
      paymentTermsMode: { type: 'enum', values: ['net', 'netEndOfMonth', 'date'] },
      paymentTermsDays: { type: 'integer' },
      accessCode: { type: 'string' },
      emailAttachmentDeliveryMode: { type: 'enum', values: ['link', 'attachment', 'linkAndAttachment'] },
      isArchived: { type: 'boolean' },
    },
    hasMany: { contactPersons: { resource: 'contactPerson', inverse: 'contactId', save: 'replace' } },
    operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
    filters: {
      isCustomer: { type: 'boolean' },
      isSupplier: { type: 'boolean' },
      contactNo: { type: 'string' },
      phone: { type: 'string' },
      countryId: { type: 'string' },
      currencyId: { type: 'string' },
      registrationNo: { type: 'string' },
    },
    sortable: Object.keys(SORT_FIELDS),
    defaultSort: 'name',
    search: true,
  },
  store: {
    fieldNames: {
      kind: 'type',
      'address.country': 'countryId',
      'address.street': 'street',
      'address.city': 'cityText',
      'address.zip': 'zipcodeText',
      currency: 'currencyId',
      orgNo: 'registrationNo',
      locale: 'localeId',
    },
    async load(context, ids) {
      const page = await listContacts(context.core, context.tenant, {
        filters: [{ field: 'contactId', op: 'in', value: ids }],
        limit: Math.max(1, ids.length),
        offset: 0,
      })
      return page.items.map((contact) => contactToWire(contact, context.tenant.organizationId))
    },
    async list(context, query) {
      const q = query.q
      const page = await listContacts(context.core, context.tenant, {
        filters: filtersOf(query),
        ...(q
          ? {
              anyOf: ['name', 'phone', 'email', 'orgNo'].map((field) => [
                { field, op: 'contains' as const, value: q, caseInsensitive: true },
              ]),
            }
          : {}),
        orderBy: query.sort
          ? [{ field: SORT_FIELDS[query.sort.property] ?? 'name', direction: query.sort.direction }]
          : [],
        limit: query.limit,
        offset: query.offset,
      })
      return {
        records: page.items.map((contact) => contactToWire(contact, context.tenant.organizationId)),
        total: page.totalCount,
      }
    },
    create: (context, input) => saveContact(context, input),
    update: (context, id, input) => saveContact(context, input, id),
    async delete(context, id) {
      const existed = await deleteContact(context.core, context.tenant, id)
      return { changed: [], deleted: existed ? [ref('contact', id)] : [] }
    },
  },
}
