// Tables for what only the Billy dialect's resources need beyond the core tables. Kept in a
// migration of its own so the three dialects can grow their storage independently.
//
// Bills are suppliers' invoices: lines coded to accounts, posted when approved, settled by
// payments (core payments rows) through bill_payment_associations.
// Daybooks hold manual journal entries: a daybook transaction is drafted with its lines and posts
// one balanced journal entry when approved (voiding reverses it). Lines keep amounts in minor
// units of their currency; the tax rate of a line is kept as the rate and treatment it stands for.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  // Billy clients page through invoices by offset in the order they were made (GET /v2/invoices
  // ?page=N). This index holds everything that page query reads beside the sequence, so a deep
  // page walks the index alone instead of visiting every invoice before it.
  await db.schema
    .createIndex('invoices_seq_page')
    .on('invoices')
    .columns(['organization_id', 'invoice_seq', 'state', 'invoice_id'])
    .execute()

  await db.schema
    .createTable('daybooks')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('daybook_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_summary_enabled', 'boolean', (c) => c.notNull())
    .addColumn('default_contra_account_number', 'text')
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('daybooks_pk', ['organization_id', 'daybook_id'])
    .execute()

  await db.schema
    .createTable('daybook_transactions')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('daybook_id', 'text')
    .addColumn('entry_date', 'date', (c) => c.notNull())
    .addColumn('voucher_no', 'text')
    .addColumn('description', 'text')
    .addColumn('extended_description', 'text')
    .addColumn('api_type', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer')
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('approved_at', 'timestamptz')
    .addPrimaryKeyConstraint('daybook_transactions_pk', ['organization_id', 'transaction_id'])
    .execute()
  await db.schema
    .createIndex('daybook_transactions_daybook')
    .on('daybook_transactions')
    .columns(['organization_id', 'daybook_id', 'entry_date'])
    .execute()
  await db.schema
    .createIndex('daybook_transactions_api_type')
    .on('daybook_transactions')
    .columns(['organization_id', 'api_type'])
    .execute()

  await db.schema
    .createTable('daybook_lines')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('contra_account_number', 'text')
    .addColumn('vat_rate_percent', 'text')
    .addColumn('tax_treatment', 'text')
    .addColumn('vat_direction', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('daybook_lines_pk', ['organization_id', 'transaction_id', 'line_no'])
    .addForeignKeyConstraint(
      'daybook_lines_transaction_fk',
      ['organization_id', 'transaction_id'],
      'daybook_transactions',
      ['organization_id', 'transaction_id'],
    )
    .execute()
  await bills(db)
  await lateFees(db)
}

async function lateFees(db: Db): Promise<void> {
  // A late fee charged on an invoice: how it was asked for (a flat amount and a percentage) and what
  // that came to. Its ledger entry is the fee posting; voiding reverses it.
  await db.schema
    .createTable('invoice_late_fees')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('fee_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'date', (c) => c.notNull())
    .addColumn('flat_fee', 'text', (c) => c.notNull())
    .addColumn('percentage_fee', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('is_voided', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('invoice_late_fees_pk', ['organization_id', 'fee_id'])
    .addForeignKeyConstraint('invoice_late_fees_invoice_fk', ['organization_id', 'invoice_id'], 'invoices', [
      'organization_id',
      'invoice_id',
    ])
    .execute()
  await db.schema
    .createIndex('invoice_late_fees_invoice')
    .on('invoice_late_fees')
    .columns(['organization_id', 'invoice_id'])
    .execute()
}

async function bills(db: Db): Promise<void> {
  await db.schema
    .createTable('bills')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('bill_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'date', (c) => c.notNull())
    .addColumn('due_date', 'date')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('price_basis', 'text', (c) => c.notNull())
    .addColumn('suppliers_invoice_no', 'text')
    .addColumn('voucher_no', 'text')
    .addColumn('net_minor', 'bigint', (c) => c.notNull())
    .addColumn('vat_minor', 'bigint', (c) => c.notNull())
    .addColumn('gross_minor', 'bigint', (c) => c.notNull())
    .addColumn('paid_minor', 'bigint', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('approved_at', 'timestamptz')
    .addPrimaryKeyConstraint('bills_pk', ['organization_id', 'bill_id'])
    .addForeignKeyConstraint('bills_contact_fk', ['organization_id', 'contact_id'], 'contacts', [
      'organization_id',
      'contact_id',
    ])
    .execute()
  await db.schema
    .createIndex('bills_contact')
    .on('bills')
    .columns(['organization_id', 'contact_id'])
    .execute()

  await db.schema
    .createTable('bill_lines')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('bill_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('vat_rate_percent', 'text')
    .addColumn('tax_treatment', 'text')
    .addColumn('net_minor', 'bigint', (c) => c.notNull())
    .addColumn('vat_minor', 'bigint', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('bill_lines_pk', ['organization_id', 'bill_id', 'line_no'])
    .addForeignKeyConstraint('bill_lines_bill_fk', ['organization_id', 'bill_id'], 'bills', [
      'organization_id',
      'bill_id',
    ])
    .execute()

  await db.schema
    .createTable('bill_payment_associations')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('bill_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('bill_payment_associations_pk', ['organization_id', 'payment_id', 'bill_id'])
    .addForeignKeyConstraint(
      'bill_payment_associations_payment_fk',
      ['organization_id', 'payment_id'],
      'payments',
      ['organization_id', 'payment_id'],
    )
    .addForeignKeyConstraint('bill_payment_associations_bill_fk', ['organization_id', 'bill_id'], 'bills', [
      'organization_id',
      'bill_id',
    ])
    .execute()
  await db.schema
    .createIndex('bill_payment_associations_bill')
    .on('bill_payment_associations')
    .columns(['organization_id', 'bill_id'])
    .execute()
}
