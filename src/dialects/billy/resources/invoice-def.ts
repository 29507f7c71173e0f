// The description of /v2/invoices and /v2/invoiceLines: properties, relations, filters and sort
// keys from the seed's property tables and the documented list filters.

import type { ResourceDef } from '../engine/resource.ts'
import { CREATED_TIME, ORGANIZATION } from './common.ts'
import { INVOICE_SORTABLE } from './invoice-filters.ts'

export const INVOICE_DEF: ResourceDef = {
  singular: 'invoice',
  plural: 'invoices',
  properties: {
    organizationId: ORGANIZATION,
    type: { type: 'enum', values: ['invoice', 'creditNote'], access: 'immutable' },
    createdTime: CREATED_TIME,
    approvedTime: { type: 'datetime', access: 'readonly' },
    contactId: {
      type: 'id',
      resource: 'contact',
      access: 'immutable',
      description: 'Required for invoices.',
    },
    attContactPersonId: { type: 'id', resource: 'contactPerson' },
    entryDate: { type: 'date', description: 'The invoice date; today when left out.' },
    paymentTermsMode: { type: 'enum', values: ['net', 'netEndOfMonth', 'date'] },
    paymentTermsDays: { type: 'integer' },
    dueDate: {
      type: 'date',
      description: 'Computed from the terms; written only with paymentTermsMode date.',
    },
    state: { type: 'enum', values: ['draft', 'approved', 'voided'] },
    sentState: { type: 'enum', values: ['unsent', 'printed', 'sent', 'opened', 'viewed'] },
    invoiceNo: { type: 'string', access: 'immutable' },
    taxMode: { type: 'enum', values: ['incl', 'excl'] },
    amount: { type: 'float', access: 'readonly' },
    tax: { type: 'float', access: 'readonly' },
    grossAmount: { type: 'float', access: 'readonly' },
    currencyId: { type: 'id', resource: 'currency' },
    exchangeRate: { type: 'float' },
    balance: { type: 'float', access: 'readonly' },
    isPaid: { type: 'boolean', access: 'readonly' },
    creditedInvoiceId: { type: 'id', resource: 'invoice', access: 'immutable' },
    contactMessage: { type: 'string' },
    lineDescription: { type: 'string' },
    downloadUrl: { type: 'string', access: 'readonly' },
  },
  hasMany: {
    lines: { resource: 'invoiceLine', inverse: 'invoiceId', save: 'replace' },
    balanceModifiers: { resource: 'balanceModifier', inverse: 'subjectReference', save: 'readonly' },
    lateFees: { resource: 'invoiceLateFee', inverse: 'invoiceId', save: 'readonly' },
  },
  operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
  filters: {
    contactId: { type: 'string' },
    creditedInvoiceId: { type: 'string' },
    state: { type: 'enum', values: ['draft', 'approved', 'voided'] },
    type: { type: 'enum', values: ['invoice', 'creditNote'] },
    invoiceNo: { type: 'string' },
    minEntryDate: { type: 'date' },
    maxEntryDate: { type: 'date' },
    entryDatePeriod: { type: 'string' },
    minApprovedTime: { type: 'datetime' },
    maxApprovedTime: { type: 'datetime' },
    approvedTimePeriod: { type: 'string' },
    minDueDate: { type: 'date' },
    maxDueDate: { type: 'date' },
    isPaid: { type: 'boolean' },
    currencyId: { type: 'string' },
    amount: { type: 'float' },
  },
  sortable: INVOICE_SORTABLE,
  search: true,
}

export const INVOICE_LINE_DEF: ResourceDef = {
  singular: 'invoiceLine',
  plural: 'invoiceLines',
  properties: {
    invoiceId: { type: 'id', resource: 'invoice', access: 'immutable', required: true },
    productId: { type: 'id', resource: 'product', required: true },
    description: { type: 'string' },
    quantity: { type: 'float' },
    unitPrice: { type: 'float' },
    amount: { type: 'float', access: 'readonly' },
    tax: { type: 'float', access: 'readonly' },
    taxRateId: { type: 'id', resource: 'taxRate', access: 'readonly' },
    discountText: { type: 'string' },
    discountMode: { type: 'enum', values: ['cash', 'percent', 'cash_discount', 'percentage_discount'] },
    discountValue: { type: 'float' },
    priority: { type: 'integer' },
  },
  operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
  filters: { invoiceId: { type: 'string' }, productId: { type: 'string' } },
  sortable: ['priority'],
}
