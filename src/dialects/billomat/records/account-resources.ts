// The account's small resources kept as records (appendix: einstellungen/*): units, taxes,
// country taxes, email templates, free texts, templates and the dunning levels (reminder texts).

import { searchProducts } from '../../../core/products/search-products.ts'
import { DomainError, invalidField } from '../../../domain/errors.ts'
import { parsePercent } from '../../../domain/money/percent.ts'
import { syncDunningLevels } from '../reminders/dunning-levels.ts'
import type { RecordSpec } from './record-spec.ts'

const CRUD = ['list', 'get', 'create', 'update', 'delete'] as const

export const UNITS: RecordSpec = {
  path: 'units',
  resource: 'unit',
  element: 'unit',
  fields: [{ name: 'name', type: 'text', required: true, maxLength: 40 }],
  filters: { name: { field: 'name', op: 'contains' } },
  methods: CRUD,
  hasUpdated: true,
  // A unit an article uses stays (§2.1: DELETE only if no article uses it).
  beforeDelete: async (core, tenant, _data, recordNo) => {
    const used = await searchProducts(core, tenant, {
      filters: [{ field: 'extra.billomat.unit_id', op: 'eq', value: String(recordNo) }],
      limit: 1,
      offset: 0,
    })
    if (used.totalCount > 0)
      throw new DomainError('conflict', `unit ${recordNo} is used by ${used.totalCount} article(s)`, {
        field: 'id',
      })
  },
}

export const TAXES: RecordSpec = {
  path: 'taxes',
  resource: 'tax',
  element: 'tax',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    { name: 'rate', type: 'float', required: true },
    { name: 'is_default', type: 'bool', defaultValue: '0' },
  ],
  methods: CRUD,
  hasUpdated: true,
  exclusiveFlag: 'is_default',
  validate: async (_core, _tenant, data) => {
    parsePercent(data.rate, 'rate')
  },
}

export const COUNTRY_TAXES: RecordSpec = {
  path: 'country-taxes',
  resource: 'country-tax',
  element: 'country-tax',
  fields: [{ name: 'country_code', type: 'text', required: true, maxLength: 2 }],
  filters: { country: { field: 'country_code', op: 'eq' } },
  methods: CRUD,
  validate: async (_core, _tenant, data) => {
    if (!/^[A-Z]{2}$/.test(data.country_code ?? ''))
      throw invalidField('country_code', 'country_code must be an ISO 3166 alpha-2 code in capitals')
  },
}

export const EMAIL_TEMPLATES: RecordSpec = {
  path: 'email-templates',
  resource: 'email-template',
  element: 'email-template',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    {
      name: 'type',
      type: 'enum',
      required: true,
      values: [
        'INVOICES',
        'OFFERS',
        'CONFIRMATIONS',
        'CREDIT_NOTES',
        'DELIVERY_NOTES',
        'REMINDERS',
        'PAYMENT_THANKS',
      ],
    },
    { name: 'subject', type: 'text', maxLength: 998 },
    { name: 'text', type: 'text', maxLength: 100_000 },
    { name: 'bcc', type: 'bool', defaultValue: '0' },
    { name: 'is_default', type: 'bool', defaultValue: '0' },
  ],
  filters: { type: { field: 'type', op: 'in' } },
  methods: CRUD,
  hasUpdated: true,
  exclusiveFlag: 'is_default',
  exclusiveScope: 'type',
}

export const FREE_TEXTS: RecordSpec = {
  path: 'free-texts',
  resource: 'free-text',
  element: 'free-text',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    {
      name: 'type',
      type: 'enum',
      required: true,
      values: ['INVOICE', 'CORRECTION', 'OFFER', 'CONFIRMATION', 'CREDIT_NOTE', 'DELIVERY_NOTE', 'LETTER'],
    },
    { name: 'title', type: 'text' },
    { name: 'label', type: 'text' },
    { name: 'intro', type: 'text' },
    { name: 'note', type: 'text' },
    { name: 'is_default', type: 'bool', defaultValue: '0' },
  ],
  filters: { type: { field: 'type', op: 'in' } },
  methods: CRUD,
  hasUpdated: true,
  exclusiveFlag: 'is_default',
  exclusiveScope: 'type',
}

export const TEMPLATES: RecordSpec = {
  path: 'templates',
  resource: 'template',
  element: 'template',
  fields: [
    { name: 'name', type: 'text', maxLength: 200 },
    {
      name: 'type',
      type: 'enum',
      required: true,
      values: ['INVOICE', 'OFFER', 'CONFIRMATION', 'REMINDER', 'DELIVERY_NOTE', 'CREDIT_NOTE', 'LETTER'],
    },
    { name: 'format', type: 'enum', values: ['doc', 'docx', 'rtf'].map((value) => value.toUpperCase()) },
    { name: 'base64file', type: 'base64', hidden: true },
    { name: 'template_type', type: 'text', readOnly: true, defaultValue: 'UPLOADED' },
    { name: 'is_background_available', type: 'bool', readOnly: true, defaultValue: '0' },
    { name: 'is_default', type: 'bool', defaultValue: '0' },
  ],
  filters: {
    type: { field: 'type', op: 'in' },
    template_type: { field: 'template_type', op: 'eq' },
    is_default: { field: 'is_default', op: 'eq' },
  },
  methods: CRUD,
  hasUpdated: true,
  exclusiveFlag: 'is_default',
  exclusiveScope: 'type',
}

export const REMINDER_TEXTS: RecordSpec = {
  path: 'reminder-texts',
  resource: 'reminder-text',
  element: 'reminder-text',
  fields: [
    { name: 'sorting', type: 'integer', required: true },
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    { name: 'subject', type: 'text' },
    { name: 'header', type: 'text' },
    { name: 'footer', type: 'text' },
    { name: 'charge_name', type: 'text' },
    { name: 'charge_description', type: 'text' },
    { name: 'charge_amount', type: 'float' },
  ],
  methods: CRUD,
  hasUpdated: true,
  // The texts are the dunning levels: their charges become the core's reminder fees.
  afterChange: syncDunningLevels,
}

const PERMISSIONS = ['NONE', 'READ', 'CREATE', 'UPDATE', 'DELETE']
const ROLE_AREAS = [
  'articles',
  'clients',
  'offers',
  'confirmations',
  'invoices',
  'credit_notes',
  'delivery_notes',
  'reminders',
  'settings_my_account',
  'settings_documents',
  'settings_configuration',
  'settings_administration',
  'settings_addons',
  'settings_my_addons',
]

/** Roles are kept and listed; Faktura's API keys act for the whole organization whatever the role. */
export const ROLES: RecordSpec = {
  path: 'roles',
  resource: 'role',
  element: 'role',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    ...ROLE_AREAS.map((area) => ({
      name: area,
      type: 'enum' as const,
      values: PERMISSIONS,
      defaultValue: 'NONE',
    })),
  ],
  methods: CRUD,
  hasUpdated: true,
}

export const ACCOUNT_RESOURCES: readonly RecordSpec[] = [
  ROLES,
  UNITS,
  TAXES,
  COUNTRY_TAXES,
  EMAIL_TEMPLATES,
  FREE_TEXTS,
  TEMPLATES,
  REMINDER_TEXTS,
]
