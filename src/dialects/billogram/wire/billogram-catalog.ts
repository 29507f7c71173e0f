// The fields of a billogram a client may write, those it may only echo back, and the fields its
// list can be filtered and ordered by (../shared/reference/billogram.md §2, §3).

import { caseNoOf } from '../ids.ts'
import { stateCondition } from './billogram-state.ts'
import type { ListFields } from './list-query.ts'
import type { Catalog } from './strict-body.ts'

const ITEM: Catalog = {
  item_no: 'w',
  title: 'w',
  description: 'w',
  price: 'w',
  vat: 'w',
  unit: 'w',
  count: 'w',
  discount: 'w',
  bookkeeping: { object: { income_account: 'w', vat_account: 'w', objects: 'w' } },
  regional_sweden: { object: { rotavdrag: 'w' } },
}

const ADDRESS: Catalog = {
  street_address: 'w',
  careof: 'w',
  attention: 'w',
  zipcode: 'w',
  city: 'w',
  country: 'w',
  name: 'w',
  use_careof_as_attention: 'w',
}

// Only customer_no is written: the rest is the customer record's, and may only be echoed back.
const CUSTOMER: Catalog = {
  customer_no: 'w',
  name: 'r',
  org_no: 'r',
  vat_no: 'r',
  phone: 'r',
  email: 'r',
  address: { object: ADDRESS, readOnly: true },
  delivery_address: { object: ADDRESS, readOnly: true },
}

const READ_ONLY = [
  'id',
  'invoice_no',
  'ocr_number',
  'state',
  'flags',
  'url',
  'recipient_url',
  'created_at',
  'updated_at',
  'attested_at',
  'delivery_method',
  'reminder_count',
  'respite_date',
  'total_sum',
  'remaining_sum',
  'rounding_value',
  'interest_fee',
  'detailed_sums',
  'events',
] as const

const FIELDS: Catalog = {
  ...Object.fromEntries(READ_ONLY.map((key) => [key, 'r' as const])),
  customer: { object: CUSTOMER },
  items: { list: ITEM },
  currency: 'w',
  invoice_date: 'w',
  due_date: 'w',
  due_days: 'w',
  invoice_fee: 'w',
  invoice_fee_vat: 'w',
  reminder_fee: 'w',
  interest_rate: 'w',
  automatic_reminders: 'w',
  automatic_reminders_settings: 'w',
  automatic_collection: 'w',
  info: {
    object: {
      order_no: 'w',
      order_date: 'w',
      our_reference: 'w',
      your_reference: 'w',
      shipping_date: 'w',
      delivery_date: 'w',
      reference_number: 'w',
      message: 'w',
    },
  },
  regional_sweden: 'w',
  callbacks: { object: { url: 'w', sign_key: 'w', custom: 'w' } },
  attachment: 'w',
  attachment_content: 'w',
  creditor_unique_value: 'w',
  contract: 'w',
  show_item_gross_prices: 'w',
  pdf: 'w',
}

export const BILLOGRAM_CREATE: Catalog = {
  ...FIELDS,
  on_success: { object: { command: 'w', method: 'w' } },
  _event: 'w',
}
export const BILLOGRAM_UPDATE: Catalog = FIELDS

export const BILLOGRAM_LIST: ListFields = {
  filter: {
    invoice_no: { core: 'numberSeq', kind: 'whole' },
    invoice_date: { core: 'invoiceDate', kind: 'date' },
    due_date: { core: 'dueDate', kind: 'date' },
    ocr_number: { core: 'paymentReference', kind: 'text' },
    'customer:name': { core: 'contactName', kind: 'text' },
    'customer:customer_no': { core: 'contactNo', kind: 'whole' },
    'customer:org_no': { core: 'contactOrgNo', kind: 'text' },
  },
  special: {
    state: stateCondition,
    id: (value) => {
      const caseNo = caseNoOf(value)
      return { filters: [{ field: 'caseNo', op: 'eq', value: caseNo ?? -1n }] }
    },
  },
  order: {
    invoice_no: 'numberSeq',
    invoice_date: 'invoiceDate',
    due_date: 'dueDate',
    'customer:name': 'contactName',
    'customer:customer_no': 'contactNo',
    state: 'state',
    created_at: 'createdAt',
    updated_at: 'updatedAt',
  },
  search: ['contactName', 'paymentReference', 'number', 'contactOrgNo'],
}
