// Tags, comments, custom attributes and contact persons of clients, articles and documents, kept
// as records hung on their core row (appendix: */schlagworte, */kommentare, */attribute,
// kunden/kontakte). Removing the row removes them (the dialect deletes a row's records with it).

import { listRecords } from '../../../core/records/list-records.ts'
import { invalidField } from '../../../domain/errors.ts'
import { propertyValueKey } from '../routes/property-filters.ts'
import {
  articleParent,
  clientParent,
  creditNoteParent,
  invoiceParent,
  recurringParent,
  salesParent,
} from './parents.ts'
import type { ParentSpec, RecordSpec } from './record-spec.ts'

export function tags(path: string, element: string, parent: ParentSpec): RecordSpec {
  return {
    path,
    resource: element,
    element,
    fields: [
      { name: parent.field, type: 'id', required: true },
      { name: 'name', type: 'text', required: true, maxLength: 100 },
    ],
    filters: { name: { field: 'name', op: 'in' } },
    parent,
    methods: ['list', 'get', 'create', 'delete'],
  }
}

const ACTION_KEYS = [
  'COMMENT',
  'CREATE',
  'COPY',
  'CREATE_FROM_OFFER',
  'CREATE_FROM_INVOICE',
  'CREATE_FROM_RECURRING',
  'STATUS',
  'PAYMENT',
  'PAYMENT_ERROR',
  'DELETE_PAYMENT',
  'MAIL',
  'LETTER',
  'FAX',
  'SIGN',
  'SIGN_MAIL',
  'CANCEL',
  'ERROR_MAIL',
  'CREATE_CREDIT_NOTE',
]

export function comments(path: string, element: string, parent: ParentSpec): RecordSpec {
  return {
    path,
    resource: element,
    element,
    fields: [
      { name: parent.field, type: 'id', required: true },
      { name: 'comment', type: 'text', required: true, maxLength: 10_000 },
      { name: 'actionkey', type: 'enum', values: ACTION_KEYS, defaultValue: 'COMMENT', readOnly: true },
      { name: 'public', type: 'bool', defaultValue: '0' },
      { name: 'by_client', type: 'bool', defaultValue: '0', readOnly: true },
      { name: 'user_id', type: 'id', defaultValue: '1', readOnly: true },
      { name: 'email_id', type: 'id', readOnly: true },
    ],
    filters: { actionkey: { field: 'actionkey', op: 'in' } },
    parent: { ...parent, requiredInList: true },
    methods: ['list', 'get', 'create', 'delete'],
  }
}

export function properties(path: string, element: string): RecordSpec {
  return {
    path,
    resource: element,
    element,
    fields: [
      { name: 'name', type: 'text', required: true, maxLength: 200 },
      {
        name: 'type',
        type: 'enum',
        values: ['TEXTFIELD', 'TEXTAREA', 'CHECKBOX'],
        defaultValue: 'TEXTFIELD',
      },
      { name: 'is_nvl', type: 'bool', defaultValue: '0' },
      { name: 'default_value', type: 'text' },
    ],
    methods: ['list', 'get', 'create', 'update', 'delete'],
    hasUpdated: true,
  }
}

export function propertyValues(
  path: string,
  element: string,
  parent: ParentSpec,
  property: string,
): RecordSpec {
  const propertyField = `${property.replace(/-/g, '_')}_id`
  return {
    path,
    resource: element,
    element,
    fields: [
      { name: parent.field, type: 'id', required: true },
      { name: propertyField, type: 'id', required: true },
      { name: 'value', type: 'text', required: true, maxLength: 10_000 },
    ],
    filters: { [propertyField]: { field: propertyField, op: 'in' }, value: { field: 'value', op: 'eq' } },
    parent,
    methods: ['list', 'get', 'create'],
    keys: (data) => ({ key: propertyValueKey(data[propertyField] ?? '', data.value ?? '') }),
    validate: async (core, tenant, data) => {
      const found = await listRecords(core, tenant, property, {
        filters: [{ field: 'recordNo', op: 'eq', value: BigInt(data[propertyField] ?? '0') }],
        limit: 1,
        offset: 0,
      })
      if (found.totalCount === 0)
        throw invalidField(propertyField, `${propertyField} ${data[propertyField]} does not exist`)
    },
  }
}

const CONTACT_TEXT = [
  'label',
  'name',
  'street',
  'zip',
  'city',
  'state',
  'country_code',
  'first_name',
  'last_name',
  'salutation',
  'phone',
  'fax',
  'mobile',
  'email',
  'www',
  'locale',
]

export const CONTACTS: RecordSpec = {
  path: 'contacts',
  resource: 'contact',
  element: 'contact',
  fields: [
    { name: 'client_id', type: 'id', required: true },
    ...CONTACT_TEXT.map((name) => ({ name, type: 'text' as const, maxLength: 255 })),
  ],
  parent: clientParent(true),
  methods: ['list', 'get', 'create', 'update', 'delete'],
  hasUpdated: true,
}

/** Offers, confirmations, delivery notes and letters carry tags and comments as invoices do. */
const SALES_ANNOTATIONS = [
  ['offer', 'offer'],
  ['confirmation', 'confirmation'],
  ['delivery_note', 'delivery-note'],
  ['letter', 'letter'],
] as const

export const ANNOTATION_RESOURCES: readonly RecordSpec[] = [
  tags('invoice-tags', 'invoice-tag', invoiceParent),
  tags('credit-note-tags', 'credit-note-tag', creditNoteParent),
  tags('client-tags', 'client-tag', clientParent(false)),
  tags('article-tags', 'article-tag', articleParent),
  tags('recurring-tags', 'recurring-tag', recurringParent),
  comments('invoice-comments', 'invoice-comment', invoiceParent),
  comments('credit-note-comments', 'credit-note-comment', creditNoteParent),
  ...SALES_ANNOTATIONS.flatMap(([kind, element]) => {
    const parent = salesParent(kind, `${element.replace(/-/g, '_')}_id`)
    return [
      tags(`${element}-tags`, `${element}-tag`, parent),
      comments(`${element}-comments`, `${element}-comment`, parent),
    ]
  }),
  properties('client-properties', 'client-property'),
  properties('article-properties', 'article-property'),
  propertyValues('client-property-values', 'client-property-value', clientParent(false), 'client-property'),
  propertyValues('article-property-values', 'article-property-value', articleParent, 'article-property'),
  CONTACTS,
]
