// Billomat's error bodies: XML `<errors><error>…</error></errors>` by default, JSON
// `{"errors":{"error":"…"}}` when the client asked for JSON (../shared/reference/billomat.md §1.8).
// Core refusals name fields by the core's names (dueDate, lines.2.unitPrice); the client reads
// them by Billomat's (due_date, invoice-item[2].unit_price), so the names are translated here.

import type { DomainError, DomainErrorCode } from '../../domain/errors.ts'
import type { WireFormat } from './format.ts'
import { escapeXml } from './wire/render.ts'

const HTTP_STATUS_FROM_DOMAIN = {
  invalid_field: 400,
  missing_field: 400,
  not_found: 404,
  conflict: 400,
  wrong_state: 400,
  currency_mismatch: 400,
  unbalanced_entry: 400,
  amount_exceeds_balance: 400,
  unauthenticated: 401,
  forbidden: 403,
  idempotency_mismatch: 400,
  limit_exceeded: 400,
} as const satisfies Record<DomainErrorCode, number>

/** Core field names and the Billomat element a client sent for each. */
const BILLOMAT_FIELD_NAMES: Readonly<Record<string, string>> = {
  contactId: 'client_id',
  invoiceId: 'invoice_id',
  creditedInvoiceId: 'invoice_id',
  invoiceDate: 'date',
  dueDate: 'due_date',
  deliveryDate: 'supply_date',
  paymentTermsDays: 'due_days',
  currency: 'currency_code',
  priceBasis: 'net_gross',
  documentDiscount: 'reduction',
  notes: 'note',
  paidOn: 'date',
  groupings: 'group_by',
  pageSize: 'per_page',
  lines: 'invoice-items',
  name: 'name',
  'address.country': 'country_code',
  'address.street': 'street',
  'address.zip': 'zip',
  'address.city': 'city',
  vatNo: 'vat_number',
  orgNo: 'tax_number',
  payByDays: 'reminder_due_days',
}

const LINE_FIELD_NAMES: Readonly<Record<string, string>> = {
  unitPrice: 'unit_price',
  quantity: 'quantity',
  vatRatePercent: 'tax_rate',
  discount: 'reduction',
  description: 'title',
  productId: 'article_id',
  unit: 'unit',
  taxTreatment: 'tax_name',
}

export function billomatFieldName(field: string): string {
  const line = /^lines[.[](\d+)\]?\.(\w+)$/.exec(field)
  if (line) return `invoice-item[${line[1]}].${LINE_FIELD_NAMES[line[2]!] ?? line[2]}`
  return BILLOMAT_FIELD_NAMES[field] ?? field
}

function translated(message: string, field: string, name: string): string {
  if (field === name) return message
  return message.split(field).join(name)
}

export function errorPayload(
  format: WireFormat,
  messages: readonly string[],
): { contentType: string; body: string } {
  if (format === 'json') {
    const error = messages.length === 1 ? messages[0] : messages
    return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ errors: { error } }) }
  }
  const items = messages.map((message) => `<error>${escapeXml(message)}</error>`).join('')
  return {
    contentType: 'application/xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<errors>${items}</errors>`,
  }
}

export function fromDomainError(error: DomainError): { httpStatus: number; messages: string[] } {
  const field = error.details.field
  const httpStatus = HTTP_STATUS_FROM_DOMAIN[error.code]
  // PYGP reads "row not found" in the error text as "no such record" (§1.7).
  if (error.code === 'not_found' && !field)
    return { httpStatus, messages: [`row not found: ${error.message}`] }
  if (!field) return { httpStatus, messages: [error.message] }
  const name = billomatFieldName(field)
  const message = translated(error.message, field, name)
  return { httpStatus, messages: [message.includes(name) ? message : `${name}: ${message}`] }
}
