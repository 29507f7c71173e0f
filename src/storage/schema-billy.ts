// Row types of the tables created by migration 0005-billy.ts, merged into Database in schema.ts.

export type DaybooksTable = {
  organization_id: string
  daybook_id: string
  name: string
  is_summary_enabled: boolean
  default_contra_account_number: string | null
  extra: string
  created_at: string
}

export type DaybookTransactionsTable = {
  organization_id: string
  transaction_id: string
  daybook_id: string | null
  entry_date: string
  voucher_no: string | null
  description: string | null
  extended_description: string | null
  api_type: string | null
  state: string
  priority: number | null
  extra: string
  created_at: string
  approved_at: string | null
}

export type DaybookLinesTable = {
  organization_id: string
  transaction_id: string
  line_no: number
  text: string | null
  account_number: string
  contra_account_number: string | null
  vat_rate_percent: string | null
  tax_treatment: string | null
  vat_direction: string | null
  amount_minor: bigint
  side: string
  currency: string
  extra: string
}

export type BillsTable = {
  organization_id: string
  bill_id: string
  contact_id: string
  state: string
  entry_date: string
  due_date: string | null
  currency: string
  price_basis: string
  suppliers_invoice_no: string | null
  voucher_no: string | null
  net_minor: bigint
  vat_minor: bigint
  gross_minor: bigint
  paid_minor: bigint
  extra: string
  created_at: string
  approved_at: string | null
  /** Added by 0010-billomat-purchases: the bill's whole number in its organization. */
  bill_seq: bigint | null
}

export type BillLinesTable = {
  organization_id: string
  bill_id: string
  line_no: number
  account_number: string
  description: string
  amount: string
  vat_rate_percent: string | null
  tax_treatment: string | null
  net_minor: bigint
  vat_minor: bigint
  extra: string
}

export type BillPaymentAssociationsTable = {
  organization_id: string
  payment_id: string
  bill_id: string
  amount_minor: bigint
}

export type InvoiceLateFeesTable = {
  organization_id: string
  fee_id: string
  invoice_id: string
  entry_date: string
  flat_fee: string
  percentage_fee: string
  amount_minor: bigint
  currency: string
  is_voided: boolean
  created_at: string
}

export type ReminderNoticesTable = {
  organization_id: string
  notice_id: string
  contact_id: string
  fee_currency: string
  flat_fee: string
  percentage_fee: string
  extra: string
  created_at: string
}

export type ReminderNoticeInvoicesTable = {
  organization_id: string
  notice_id: string
  invoice_id: string
  level: number
  charged_minor: bigint
}

export type DaybookBalanceAccountsTable = {
  organization_id: string
  balance_account_id: string
  daybook_id: string
  account_number: string
  priority: number
}

export type StoredFilesTable = {
  organization_id: string
  file_id: string
  file_name: string
  content_type: string
  size_bytes: number
  content_base64: string
  created_at: string
}

export type AttachmentsTable = {
  organization_id: string
  attachment_id: string
  file_id: string
  owner_type: string
  owner_id: string
  priority: number
  created_at: string
}

export type VatReturnsTable = {
  organization_id: string
  return_id: string
  start_date: string
  end_date: string
  period_text: string | null
  report_deadline: string | null
  is_settled: boolean
  /** Signed: positive is VAT owed to the authorities, negative a refund due. */
  settlement_minor: bigint
  currency: string
  created_at: string
}

export type VatPaymentsTable = {
  organization_id: string
  payment_id: string
  return_id: string
  entry_date: string
  account_number: string
  amount_minor: bigint
  is_voided: boolean
  created_at: string
}

export type BankMatchesTable = {
  organization_id: string
  match_id: string
  account_number: string
  currency: string
  entry_date: string | null
  difference_type: string | null
  fee_account_number: string | null
  is_approved: boolean
  approved_at: string | null
  created_at: string
}

export type BankLinesTable = {
  organization_id: string
  line_id: string
  match_id: string
  entry_date: string
  description: string
  /** Signed: positive is money into the account, negative money out. */
  amount_minor: bigint
  created_at: string
}

export type BankMatchSubjectsTable = {
  organization_id: string
  association_id: string
  match_id: string
  subject_type: string
  subject_id: string
  /** The payment that settles the subject, once the match is approved. */
  payment_id: string | null
  /** Whether approving made that payment (an invoice or bill subject), so unapproving voids it. */
  created_payment: boolean
}

export type BankMatchEntriesTable = {
  organization_id: string
  match_id: string
  entry_id: string
}

export type ContactBalancePaymentsTable = {
  organization_id: string
  payment_id: string
  contact_id: string
  currency: string
  entry_date: string
  amount_minor: bigint
  is_voided: boolean
  created_at: string
}

export type ContactBalanceApplicationsTable = {
  organization_id: string
  payment_id: string
  invoice_id: string
  amount_minor: bigint
}

export type BillyTables = {
  daybooks: DaybooksTable
  daybook_transactions: DaybookTransactionsTable
  daybook_lines: DaybookLinesTable
  bills: BillsTable
  bill_lines: BillLinesTable
  bill_payment_associations: BillPaymentAssociationsTable
  invoice_late_fees: InvoiceLateFeesTable
  reminder_notices: ReminderNoticesTable
  reminder_notice_invoices: ReminderNoticeInvoicesTable
  daybook_balance_accounts: DaybookBalanceAccountsTable
  stored_files: StoredFilesTable
  attachments: AttachmentsTable
  vat_returns: VatReturnsTable
  vat_payments: VatPaymentsTable
  bank_matches: BankMatchesTable
  bank_lines: BankLinesTable
  bank_match_subjects: BankMatchSubjectsTable
  bank_match_entries: BankMatchEntriesTable
  contact_balance_payments: ContactBalancePaymentsTable
  contact_balance_applications: ContactBalanceApplicationsTable
}
