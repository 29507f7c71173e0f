// Row types of the tables created by migration 0003-billogram.ts, merged into Database in schema.ts.

export type CallbackSubscriptionsTable = {
  organization_id: string
  subscription_id: string
  /** Null for the organization's account-wide subscription. */
  case_id: string | null
  url: string
  sign_key: string | null
  custom: string | null
  created_at: string
  updated_at: string
}

export type OrganizationLogosTable = {
  organization_id: string
  file_type: string
  content_base64: string
  updated_at: string
}

export type CaseAttachmentsTable = {
  organization_id: string
  case_id: string
  filename: string
  content_base64: string
  created_at: string
}

export type BillingTabsTable = {
  organization_id: string
  billing_tab_id: string
  contact_id: string
  settings: string
  /** The case the tab was emptied into. */
  case_id: string | null
  created_at: string
  emptied_at: string | null
  /** Migration 0013: the organization's day this billing period began, the day it is billed, a failed day. */
  period_start_on: string | null
  bill_on: string | null
  failed_on: string | null
  /** Migration 0016: the day the customer's billing series began; null means period_start_on. */
  period_anchor_on: string | null
}

export type BillingTabItemsTable = {
  organization_id: string
  item_id: string
  billing_tab_id: string
  contact_id: string
  deduplication_id: string
  /** The invoice line to bill, as JSON in the core's draft-line shape. */
  line: string
  created_at: string
}

export type BillogramTables = {
  billing_tabs: BillingTabsTable
  billing_tab_items: BillingTabItemsTable
  callback_subscriptions: CallbackSubscriptionsTable
  organization_logos: OrganizationLogosTable
  case_attachments: CaseAttachmentsTable
}
