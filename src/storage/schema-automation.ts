// Row types of the tables created by migration 0006-automation.ts, merged into Database in schema.ts.

export type JobRunsTable = {
  organization_id: string
  job: string
  run_on: string
  /** running | done */
  state: string
  claim_token: string
  claimed_by: string
  lease_until: string
  handled: bigint
  started_at: string
  finished_at: string | null
}

export type DunningSettingsTable = {
  organization_id: string
  automatic_reminders: boolean
  reminder_days: string
  reminder_fees: string
  pay_by_days: number
  charge_interest: boolean
  charge_compensation: boolean
  automatic_collection: boolean
  collection_after_days: number
  collection_partner: string
  reminder_channel: string
  updated_at: string
}

export type DunningInvoicesTable = {
  organization_id: string
  invoice_id: string
  automatic_reminders: boolean | null
  automatic_collection: boolean | null
  reminder_days: string | null
  reminder_text: string | null
  overdue_days: number
  counted_through: string | null
  interest_numerator: string
  interest_charged_minor: bigint
  fees_charged_minor: bigint
  compensation_charged_minor: bigint
  level: number
  fee_reminders: number
  last_fee_on: string | null
  last_reminded_on: string | null
  last_pay_by_on: string | null
  failed_on: string | null
  failure: string | null
  collection_partner: string | null
  collection_reference: string | null
  collection_started_on: string | null
  collection_outcome: string | null
  collection_closed_on: string | null
  /** Migration 0013: the invoice's own reminder fee, contractual rate and days to collection. */
  reminder_fee_minor: bigint | null
  interest_rate: string | null
  collection_after_days: number | null
  updated_at: string
}

export type DunningRemindersTable = {
  organization_id: string
  invoice_id: string
  level: number
  reminded_on: string
  pay_by_on: string
  fee_minor: bigint
  compensation_minor: bigint
  interest_minor: bigint
  channels: string
  automatic: boolean
  created_at: string
}

export type AutomationTables = {
  job_runs: JobRunsTable
  dunning_settings: DunningSettingsTable
  dunning_invoices: DunningInvoicesTable
  dunning_reminders: DunningRemindersTable
}
