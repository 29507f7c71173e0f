// Cases, invoices, lines, payments. A case (a Billogram "billogram") holds one invoice and its
// credit notes, its events and its recipient page token; Billy and Billomat see one invoice per case.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

export async function invoicing(db: Db): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'bigint', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('page_token', 'text', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('cases_pk', ['organization_id', 'case_id'])
    .addUniqueConstraint('cases_no_unique', ['organization_id', 'case_no'])
    .addForeignKeyConstraint('cases_contact_fk', ['organization_id', 'contact_id'], 'contacts', [
      'organization_id',
      'contact_id',
    ])
    .execute()
  // The recipient page is reached by token alone, before the organization is known.
  await db.schema.createIndex('cases_page_token').on('cases').column('page_token').execute()

  await db.schema
    .createTable('invoices')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('invoice_seq', 'bigint', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('credited_invoice_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('exchange_rate', 'text')
    .addColumn('series_key', 'text', (c) => c.notNull())
    .addColumn('number_seq', 'bigint')
    .addColumn('number', 'text')
    .addColumn('invoice_date', 'date')
    .addColumn('due_date', 'date')
    .addColumn('delivery_date', 'date')
    .addColumn('payment_terms_days', 'integer')
    .addColumn('price_basis', 'text', (c) => c.notNull())
    .addColumn('rounding_scope', 'text', (c) => c.notNull())
    .addColumn('document_discount', 'text')
    .addColumn('payment_reference', 'text')
    .addColumn('payment_reference_kind', 'text')
    .addColumn('our_reference', 'text')
    .addColumn('your_reference', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('notes', 'text')
    .addColumn('net_minor', 'bigint', (c) => c.notNull())
    .addColumn('vat_minor', 'bigint', (c) => c.notNull())
    .addColumn('gross_minor', 'bigint', (c) => c.notNull())
    .addColumn('paid_minor', 'bigint', (c) => c.notNull())
    .addColumn('credited_minor', 'bigint', (c) => c.notNull())
    .addColumn('written_off_minor', 'bigint', (c) => c.notNull())
    .addColumn('fees_minor', 'bigint', (c) => c.notNull())
    .addColumn('document_discount_minor', 'bigint', (c) => c.notNull())
    .addColumn('unreduced_net_minor', 'bigint', (c) => c.notNull())
    .addColumn('unreduced_gross_minor', 'bigint', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('approved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('invoices_pk', ['organization_id', 'invoice_id'])
    .addUniqueConstraint('invoices_number_unique', ['organization_id', 'series_key', 'number_seq'])
    .addUniqueConstraint('invoices_seq_unique', ['organization_id', 'invoice_seq'])
    .addForeignKeyConstraint('invoices_case_fk', ['organization_id', 'case_id'], 'cases', [
      'organization_id',
      'case_id',
    ])
    .execute()
  await db.schema
    .createIndex('invoices_case')
    .on('invoices')
    .columns(['organization_id', 'case_id'])
    .execute()
  await db.schema
    .createIndex('invoices_state')
    .on('invoices')
    .columns(['organization_id', 'state', 'due_date'])
    .execute()

  await db.schema
    .createTable('invoice_lines')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('unit_price', 'text', (c) => c.notNull())
    .addColumn('discount', 'text')
    .addColumn('vat_rate_percent', 'text', (c) => c.notNull())
    .addColumn('tax_treatment', 'text', (c) => c.notNull())
    .addColumn('revenue_account_number', 'text')
    .addColumn('credited_line_no', 'integer')
    .addColumn('net_minor', 'bigint', (c) => c.notNull())
    .addColumn('vat_minor', 'bigint', (c) => c.notNull())
    .addColumn('gross_minor', 'bigint', (c) => c.notNull())
    .addColumn('discount_minor', 'bigint', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('invoice_lines_pk', ['organization_id', 'invoice_id', 'line_no'])
    .addForeignKeyConstraint('invoice_lines_invoice_fk', ['organization_id', 'invoice_id'], 'invoices', [
      'organization_id',
      'invoice_id',
    ])
    .execute()

  await db.schema
    .createTable('payments')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('payment_seq', 'bigint', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('fee_minor', 'bigint', (c) => c.notNull())
    .addColumn('overpaid_minor', 'bigint', (c) => c.notNull())
    .addColumn('paid_on', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('external_id', 'text')
    .addColumn('is_voided', 'boolean', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('payments_pk', ['organization_id', 'payment_id'])
    .addUniqueConstraint('payments_seq_unique', ['organization_id', 'payment_seq'])
    .execute()

  await db.schema
    .createTable('payment_associations')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_associations_pk', ['organization_id', 'payment_id', 'invoice_id'])
    .addForeignKeyConstraint(
      'payment_associations_payment_fk',
      ['organization_id', 'payment_id'],
      'payments',
      ['organization_id', 'payment_id'],
    )
    .addForeignKeyConstraint(
      'payment_associations_invoice_fk',
      ['organization_id', 'invoice_id'],
      'invoices',
      ['organization_id', 'invoice_id'],
    )
    .execute()
  await db.schema
    .createIndex('payment_associations_invoice')
    .on('payment_associations')
    .columns(['organization_id', 'invoice_id'])
    .execute()
}
