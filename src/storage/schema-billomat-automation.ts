// Row types of the tables created by migration 0009-billomat-automation.ts, merged into Database in schema.ts.

export type RecurringsTable = {
  organization_id: string
  recurring_id: string
  recurring_no: bigint
  contact_id: string
  template: string
  cycle: string
  cycle_number: number
  start_on: string
  end_on: string | null
  anchor_on: string
  anchor_steps: number
  next_creation_on: string | null
  iterations: number | null
  created_count: number
  action: string
  email: string
  letter: string
  extra: string
  last_invoice_id: string | null
  last_created_on: string | null
  failed_on: string | null
  failure: string | null
  created_at: string
  updated_at: string
}

export type BillomatAutomationTables = {
  recurrings: RecurringsTable
}
