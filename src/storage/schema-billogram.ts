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

export type CallbackCursorsTable = {
  organization_id: string
  case_id: string
  last_event_id: string
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

export type BillogramTables = {
  callback_subscriptions: CallbackSubscriptionsTable
  callback_cursors: CallbackCursorsTable
  organization_logos: OrganizationLogosTable
  case_attachments: CaseAttachmentsTable
}
