// Whole numbers for suppliers' bills. Billomat names every record by a whole number (its incomings,
// the purchase invoices, among them), while bills were keyed only by their UUID. bill_seq numbers
// a bill within its organization, taken from the `bill` counter when the bill is created; bills
// that exist already are numbered here in the order they were created, and the counter continues
// after them. The unique index both guards the numbers and finds a bill by its number.

import { type Kysely, sql } from 'kysely'

/** Numbers bills without numbers (all of them, at migration) per organization in creation order. */
export async function numberExistingBills(db: Kysely<unknown>): Promise<void> {
  await sql`update bills set bill_seq = (
      select count(*) from bills earlier
      where earlier.organization_id = bills.organization_id
        and (earlier.created_at < bills.created_at
          or (earlier.created_at = bills.created_at and earlier.bill_id <= bills.bill_id)))`.execute(db)
  await sql`delete from counters where counter_key = 'bill'`.execute(db)
  await sql`insert into counters (organization_id, counter_key, next_value)
      select organization_id, 'bill', max(bill_seq) + 1 from bills group by organization_id`.execute(db)
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bills').addColumn('bill_seq', 'bigint').execute()
  await numberExistingBills(db)
  await db.schema
    .createIndex('bills_seq')
    .on('bills')
    .columns(['organization_id', 'bill_seq'])
    .unique()
    .execute()
}
