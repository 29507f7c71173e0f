// Row types of every table, as both engines return them through the adapters in sqlite.ts and
// postgres.ts: bigint for money and sequence numbers, number for small integers, strings for
// decimals, dates (YYYY-MM-DD), instants (ISO 8601) and JSON.

import type { Generated } from 'kysely'
import type { AnnounceTables } from './schema-announce.ts'
import type { AutomationTables } from './schema-automation.ts'
import type { BillogramTables } from './schema-billogram.ts'
import type { BillomatTables } from './schema-billomat.ts'
import type { BillomatAutomationTables } from './schema-billomat-automation.ts'
import type { BillyTables } from './schema-billy.ts'
import type { SalesTables } from './schema-sales.ts'

export type OrganizationsTable = {
  organization_id: string
  name: string
  country: string
  base_currency: string
  locale: string
  settings: string
  clock_offset_days: Generated<number>
  created_at: string
  updated_at: string
}

export type CredentialsTable = {
  organization_id: string
  credential_id: string
  dialect: string
  kind: string
  lookup_key: string
  secret_hash: string
  label: string | null
  created_at: string
  revoked_at: string | null
}

export type CountersTable = {
  organization_id: string
  counter_key: string
  next_value: bigint
}

export type NumberingSeriesTable = {
  organization_id: string
  series_key: string
  prefix: string
  padding: number
  next_number: bigint
}

export type ContactsTable = {
  organization_id: string
  contact_id: string
  contact_no: bigint
  kind: string
  name: string
  org_no: string | null
  vat_no: string | null
  email: string | null
  phone: string | null
  street: string | null
  street2: string | null
  zip: string | null
  city: string | null
  country: string | null
  locale: string | null
  currency: string | null
  payment_terms_days: number | null
  is_customer: boolean
  is_supplier: boolean
  notes: string | null
  extra: string
  created_at: string
  updated_at: string
}

export type ContactPersonsTable = {
  organization_id: string
  contact_person_id: string
  contact_id: string
  person_seq: bigint
  name: string
  email: string | null
  phone: string | null
  is_primary: boolean
  extra: string
  created_at: string
}

export type ProductsTable = {
  organization_id: string
  product_id: string
  product_seq: bigint
  product_no: string
  name: string
  description: string | null
  unit: string | null
  vat_rate_percent: string
  tax_treatment: string
  price_basis: string
  revenue_account_number: string | null
  is_archived: boolean
  extra: string
  created_at: string
  updated_at: string
}

export type ProductPricesTable = {
  organization_id: string
  product_id: string
  currency: string
  unit_price: string
}

export type CasesTable = {
  organization_id: string
  case_id: string
  case_no: bigint
  contact_id: string
  page_token: string
  extra: string
  created_at: string
  updated_at: string
}

export type InvoicesTable = {
  organization_id: string
  invoice_id: string
  invoice_seq: bigint
  case_id: string
  kind: string
  credited_invoice_id: string | null
  state: string
  contact_id: string
  currency: string
  exchange_rate: string | null
  series_key: string
  number_seq: bigint | null
  number: string | null
  invoice_date: string | null
  due_date: string | null
  delivery_date: string | null
  payment_terms_days: number | null
  price_basis: string
  rounding_scope: string
  document_discount: string | null
  payment_reference: string | null
  payment_reference_kind: string | null
  our_reference: string | null
  your_reference: string | null
  locale: string
  recipient: string
  notes: string | null
  net_minor: bigint
  vat_minor: bigint
  gross_minor: bigint
  paid_minor: bigint
  credited_minor: bigint
  written_off_minor: bigint
  fees_minor: bigint
  document_discount_minor: bigint
  unreduced_net_minor: bigint
  unreduced_gross_minor: bigint
  extra: string
  version: number
  approved_at: string | null
  created_at: string
  updated_at: string
}

export type InvoiceLinesTable = {
  organization_id: string
  invoice_id: string
  line_no: number
  product_id: string | null
  description: string
  quantity: string
  unit: string | null
  unit_price: string
  discount: string | null
  vat_rate_percent: string
  tax_treatment: string
  revenue_account_number: string | null
  credited_line_no: number | null
  net_minor: bigint
  vat_minor: bigint
  gross_minor: bigint
  discount_minor: bigint
  extra: string
}

export type PaymentsTable = {
  organization_id: string
  payment_id: string
  payment_seq: bigint
  contact_id: string | null
  currency: string
  amount_minor: bigint
  fee_minor: bigint
  overpaid_minor: bigint
  paid_on: string
  source: string
  reference: string | null
  external_id: string | null
  is_voided: boolean
  extra: string
  created_at: string
}

export type PaymentAssociationsTable = {
  organization_id: string
  payment_id: string
  invoice_id: string
  amount_minor: bigint
}

export type AccountsTable = {
  organization_id: string
  account_id: string
  account_number: string
  name: string
  nature: string
  role: string | null
  vat_rate_percent: string | null
  is_archived: boolean
  extra: string
  created_at: string
}

export type JournalEntriesTable = {
  organization_id: string
  entry_id: string
  entry_date: string
  description: string
  currency: string
  source_type: string
  source_id: string
  reverses_entry_id: string | null
  created_at: string
}

export type JournalLinesTable = {
  organization_id: string
  entry_id: string
  line_no: number
  account_number: string
  debit_minor: bigint
  credit_minor: bigint
  contact_id: string | null
  invoice_id: string | null
  vat_rate_percent: string | null
  description: string | null
}

export type EventsTable = {
  organization_id: string
  event_id: string
  case_id: string | null
  invoice_id: string | null
  type: string
  data: string
  visible_to_recipient: boolean
  created_at: string
}

export type OutboxTable = {
  organization_id: string
  outbox_id: string
  kind: string
  payload: string
  state: string
  attempts: number
  next_attempt_at: string
  last_error: string | null
  created_at: string
  done_at: string | null
  /** Added by 0002-delivery: the relay's claim and its "attempt started" marker. */
  claim_token: string | null
  claimed_by: string | null
  attempt_started_at: string | null
}

export type IdempotencyKeysTable = {
  organization_id: string
  scope: string
  idempotency_key: string
  request_hash: string
  response_status: number | null
  response_headers: string | null
  response_body: string | null
  created_at: string
}

export type DeliveryLogTable = {
  organization_id: string
  entry_id: string
  outbox_id: string
  case_id: string | null
  invoice_id: string | null
  kind: string
  channel: string
  recipient: string | null
  status: string
  attempt: number
  detail: string
  created_at: string
}

export type Database = CoreTables &
  BillogramTables &
  BillomatTables &
  BillyTables &
  AutomationTables &
  BillomatAutomationTables &
  SalesTables &
  AnnounceTables

export type CoreTables = {
  organizations: OrganizationsTable
  credentials: CredentialsTable
  counters: CountersTable
  numbering_series: NumberingSeriesTable
  contacts: ContactsTable
  contact_persons: ContactPersonsTable
  products: ProductsTable
  product_prices: ProductPricesTable
  cases: CasesTable
  invoices: InvoicesTable
  invoice_lines: InvoiceLinesTable
  payments: PaymentsTable
  payment_associations: PaymentAssociationsTable
  accounts: AccountsTable
  journal_entries: JournalEntriesTable
  journal_lines: JournalLinesTable
  events: EventsTable
  outbox: OutboxTable
  idempotency_keys: IdempotencyKeysTable
  delivery_log: DeliveryLogTable
}
