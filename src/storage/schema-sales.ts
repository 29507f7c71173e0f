// Row types of the tables created by migration 0008-sales-documents.ts (and 0019's columns), merged into Database in schema.ts.

export type SalesDocumentsTable = {
  organization_id: string
  document_id: string
  /** offer | confirmation | delivery_note | letter */
  kind: string
  document_seq: bigint
  state: string
  prior_state: string | null
  contact_id: string | null
  currency: string
  series_key: string
  number_seq: bigint | null
  number: string | null
  document_date: string | null
  valid_until: string | null
  price_basis: string
  rounding_scope: string
  document_discount: string | null
  locale: string
  notes: string | null
  net_minor: bigint
  vat_minor: bigint
  gross_minor: bigint
  document_discount_minor: bigint
  unreduced_net_minor: bigint
  unreduced_gross_minor: bigint
  /** The recipient's page (migration 0019); null for letters. */
  page_token: string | null
  extra: string
  version: number
  completed_at: string | null
  created_at: string
  updated_at: string
}

export type SalesDocumentLinesTable = {
  organization_id: string
  document_id: string
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
  net_minor: bigint
  vat_minor: bigint
  gross_minor: bigint
  discount_minor: bigint
  extra: string
  /** 1 for an optional line (migration 0019): priced, but outside the document's totals. */
  optional: number
  /** 1 when the recipient chose this optional line on accepting the offer. */
  chosen: number
}

export type SalesTables = {
  sales_documents: SalesDocumentsTable
  sales_document_lines: SalesDocumentLinesTable
}
