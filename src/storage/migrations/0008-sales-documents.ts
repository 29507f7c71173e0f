// Sales documents: offers, order confirmations, delivery notes and letters. They carry lines and
// totals like invoices but post nothing to the ledger, so they live beside the invoices rather
// than among them: no case, no payment, no balance. Each kind is numbered gap-free in its own
// numbering series on completion. As everywhere, organization_id leads every key.

import type { Kysely } from 'kysely'

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('sales_documents')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // A whole number per organization and kind, for vendors whose ids are integers.
    .addColumn('document_seq', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    // What uncancel and unclear go back to.
    .addColumn('prior_state', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('series_key', 'text', (c) => c.notNull())
    .addColumn('number_seq', 'bigint')
    .addColumn('number', 'text')
    .addColumn('document_date', 'date')
    .addColumn('valid_until', 'date')
    .addColumn('price_basis', 'text', (c) => c.notNull())
    .addColumn('rounding_scope', 'text', (c) => c.notNull())
    .addColumn('document_discount', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('net_minor', 'bigint', (c) => c.notNull())
    .addColumn('vat_minor', 'bigint', (c) => c.notNull())
    .addColumn('gross_minor', 'bigint', (c) => c.notNull())
    .addColumn('document_discount_minor', 'bigint', (c) => c.notNull())
    .addColumn('unreduced_net_minor', 'bigint', (c) => c.notNull())
    .addColumn('unreduced_gross_minor', 'bigint', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('sales_documents_pk', ['organization_id', 'document_id'])
    .addUniqueConstraint('sales_documents_seq_unique', ['organization_id', 'kind', 'document_seq'])
    .execute()
  // A number is issued once per series: two processes can never complete two documents as one.
  await db.schema
    .createIndex('sales_documents_number_unique')
    .on('sales_documents')
    .columns(['organization_id', 'series_key', 'number_seq'])
    .unique()
    .execute()
  await db.schema
    .createIndex('sales_documents_contact')
    .on('sales_documents')
    .columns(['organization_id', 'kind', 'contact_id'])
    .execute()

  await db.schema
    .createTable('sales_document_lines')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
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
    .addColumn('net_minor', 'bigint', (c) => c.notNull())
    .addColumn('vat_minor', 'bigint', (c) => c.notNull())
    .addColumn('gross_minor', 'bigint', (c) => c.notNull())
    .addColumn('discount_minor', 'bigint', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('sales_document_lines_pk', ['organization_id', 'document_id', 'line_no'])
    .addForeignKeyConstraint(
      'sales_document_lines_document_fk',
      ['organization_id', 'document_id'],
      'sales_documents',
      ['organization_id', 'document_id'],
    )
    .execute()
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('sales_document_lines').execute()
  await db.schema.dropTable('sales_documents').execute()
}
