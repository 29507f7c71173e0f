// Tables for Billy's reminder documents, daybook balance accounts, and uploaded files with their
// attachments. A reminder notice groups the invoices one reminder covers; each invoice's reminder
// itself (level, fee, delivery) is the core's dunning step, recorded in dunning_reminders.
// VAT returns are the organization's VAT periods; a row exists once a period is settled (or its
// text or deadline changed), and VAT payments pay a settled period's balance.
// Bank reconciliation: a match holds bank statement lines and the subjects (invoices, bills,
// payments) they settle; once approved, the journal entries it matched are recorded.
// A contact balance payment applies what a customer paid in advance (its balance) to invoices.
// Files keep their bytes as base64 text, the one column type both engines store alike; uploads
// are bounded by the server's body limit.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('reminder_notices')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('fee_currency', 'text', (c) => c.notNull())
    .addColumn('flat_fee', 'text', (c) => c.notNull())
    .addColumn('percentage_fee', 'text', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_notices_pk', ['organization_id', 'notice_id'])
    .execute()
  await db.schema
    .createIndex('reminder_notices_contact')
    .on('reminder_notices')
    .columns(['organization_id', 'contact_id'])
    .execute()

  await db.schema
    .createTable('reminder_notice_invoices')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('charged_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_notice_invoices_pk', ['organization_id', 'notice_id', 'invoice_id'])
    .execute()
  await db.schema
    .createIndex('reminder_notice_invoices_invoice')
    .on('reminder_notice_invoices')
    .columns(['organization_id', 'invoice_id'])
    .execute()

  await db.schema
    .createTable('daybook_balance_accounts')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('balance_account_id', 'text', (c) => c.notNull())
    .addColumn('daybook_id', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('daybook_balance_accounts_pk', ['organization_id', 'balance_account_id'])
    .execute()
  await db.schema
    .createIndex('daybook_balance_accounts_daybook')
    .on('daybook_balance_accounts')
    .columns(['organization_id', 'daybook_id'])
    .execute()

  await db.schema
    .createTable('stored_files')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('stored_files_pk', ['organization_id', 'file_id'])
    .execute()

  await db.schema
    .createTable('attachments')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachments_pk', ['organization_id', 'attachment_id'])
    .execute()
  await db.schema
    .createIndex('attachments_owner')
    .on('attachments')
    .columns(['organization_id', 'owner_type', 'owner_id'])
    .execute()

  await db.schema
    .createTable('vat_returns')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('return_id', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('period_text', 'text')
    .addColumn('report_deadline', 'date')
    .addColumn('is_settled', 'boolean', (c) => c.notNull())
    .addColumn('settlement_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('vat_returns_pk', ['organization_id', 'return_id'])
    .execute()

  await db.schema
    .createTable('vat_payments')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('return_id', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'date', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('is_voided', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('vat_payments_pk', ['organization_id', 'payment_id'])
    .execute()
  await db.schema
    .createIndex('vat_payments_return')
    .on('vat_payments')
    .columns(['organization_id', 'return_id'])
    .execute()

  await db.schema
    .createTable('bank_matches')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('match_id', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'date')
    .addColumn('difference_type', 'text')
    .addColumn('fee_account_number', 'text')
    .addColumn('is_approved', 'boolean', (c) => c.notNull())
    .addColumn('approved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_matches_pk', ['organization_id', 'match_id'])
    .execute()

  await db.schema
    .createTable('bank_lines')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('match_id', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'date', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_lines_pk', ['organization_id', 'line_id'])
    .execute()
  await db.schema
    .createIndex('bank_lines_match')
    .on('bank_lines')
    .columns(['organization_id', 'match_id'])
    .execute()

  await db.schema
    .createTable('bank_match_subjects')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('association_id', 'text', (c) => c.notNull())
    .addColumn('match_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text')
    .addColumn('created_payment', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_match_subjects_pk', ['organization_id', 'association_id'])
    .execute()
  await db.schema
    .createIndex('bank_match_subjects_match')
    .on('bank_match_subjects')
    .columns(['organization_id', 'match_id'])
    .execute()

  await db.schema
    .createTable('bank_match_entries')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('match_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_match_entries_pk', ['organization_id', 'entry_id', 'match_id'])
    .execute()

  await db.schema
    .createTable('contact_balance_payments')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'date', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('is_voided', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_balance_payments_pk', ['organization_id', 'payment_id'])
    .execute()
  await db.schema
    .createTable('contact_balance_applications')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_balance_applications_pk', [
      'organization_id',
      'payment_id',
      'invoice_id',
    ])
    .execute()
  await db.schema
    .createIndex('contact_balance_applications_invoice')
    .on('contact_balance_applications')
    .columns(['organization_id', 'invoice_id'])
    .execute()
}
