// Indexes shaped like the reads the APIs make most, each replacing a shorter index it extends.
//
// SQLite plans from the indexes alone until statistics are gathered, and given a choice between a
// short index that needs a sort and a primary or unique key that already has the order, it walks
// the key: every invoice or event of the organization, per request. Carrying the order in the
// index that finds the rows leaves it nothing to prefer, on either engine.

import { type Kysely, SqliteAdapter, sql } from 'kysely'

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  // A case's events are read in the order they happened (a billogram's event log).
  await db.schema
    .createIndex('events_case_order')
    .on('events')
    .columns(['organization_id', 'case_id', 'event_id'])
    .execute()
  await db.schema.dropIndex('events_case').execute()

  // A case's invoices, found by case and kind in the order they were made: the primary invoice of
  // a case (its first debit invoice) is the first entry, and lists of cases read the state they
  // filter on and the due date they are ordered by most often without visiting the invoice.
  await db.schema
    .createIndex('invoices_case_kind')
    .on('invoices')
    .columns(['organization_id', 'case_id', 'kind', 'invoice_seq', 'state', 'due_date'])
    .execute()
  await db.schema.dropIndex('invoices_case').execute()

  // A customer's cases with the number they are ordered by last and the id they are joined by, so
  // a customer's billograms are listed from the index without visiting each case.
  await db.schema
    .createIndex('cases_contact_order')
    .on('cases')
    .columns(['organization_id', 'contact_id', 'case_no', 'case_id'])
    .execute()
  await db.schema.dropIndex('cases_contact').execute()

  // A client's invoices (Billomat's client_id=…, filtered by status, in the order they were made)
  // from the contact index alone: the same columns as before, which the grouped totals scan, and
  // the sequence and id the page is ordered by and reads, so no invoice is visited to sort.
  await db.schema.dropIndex('invoices_contact_totals').execute()
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
      'invoice_seq',
      'invoice_id',
    ])
    .execute()

  await refreshSqliteStatistics(db, ['events', 'invoices', 'cases'])
}

/**
 * Where SQLite already holds statistics (someone ran ANALYZE), new indexes have none and would be
 * planned from guesses beside measured neighbours; gather them for the tables whose indexes changed.
 */
async function refreshSqliteStatistics(db: Db, tables: readonly string[]): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return
  const { rows } = await sql<{
    name: string
  }>`select name from sqlite_master where name = 'sqlite_stat1'`.execute(db)
  if (rows.length === 0) return
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db)
}
