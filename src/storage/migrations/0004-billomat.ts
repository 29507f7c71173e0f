// Tables for what only the Billomat dialect's resources need beyond the core tables. Kept in a
// migration of its own so the three dialects can grow their storage independently.
//
// billomat_records holds the dialect's small records (units, taxes, tags, comments, templates,
// settings, the whole-number ids of invoice items, ...): one row per record, numbered per
// organization and resource, its fields as JSON. `owner_id` names the core row a record hangs on
// (an invoice, a contact, a product), so a parent's children are found through one index.
// billomat_files holds uploaded documents (signed PDFs) apart from the records, so listing
// records never reads file contents.

import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('billomat_records')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('record_no', 'bigint', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('billomat_records_pk', ['organization_id', 'resource', 'record_no'])
    .execute()
  await db.schema
    .createIndex('billomat_records_owner')
    .on('billomat_records')
    .columns(['organization_id', 'owner_id', 'resource'])
    .execute()

  await db.schema
    .createTable('billomat_files')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_no', 'bigint', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mimetype', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('billomat_files_pk', ['organization_id', 'owner_id', 'kind'])
    .execute()

  // Billomat clients list a client's invoices (client_id=…) more than anything else, and total them
  // by client and period (group_by=client,month). One index serves both: it leads with the contact,
  // so a client's invoices are found without walking the organization's, and it carries every
  // column the grouped totals read, so they scan the index alone, in contact order.
  await db.schema
    .createIndex('invoices_contact_totals')
    .on('invoices')
    .columns([
      'organization_id',
      'contact_id',
      'kind',
      'invoice_date',
      'state',
      'currency',
      'net_minor',
      'gross_minor',
      'paid_minor',
    ])
    .execute()
}
