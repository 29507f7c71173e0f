// Optional lines of sales documents (an offer's optional items: shown, priced, left out of the
// totals, and invoiced only when the customer chose them) and the recipient's page of an offer,
// confirmation or delivery note, reached by its token alone, as an invoice's case page is.

import { type Kysely, sql } from 'kysely'
import { newToken } from '../ids.ts'

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('sales_document_lines')
    .addColumn('optional', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // Set when the recipient accepts the offer with this optional line chosen.
  await db.schema
    .alterTable('sales_document_lines')
    .addColumn('chosen', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('sales_documents').addColumn('page_token', 'text').execute()
  // Documents written before this migration get their page now; letters have none.
  const rows = await sql<{ organization_id: string; document_id: string }>`
    select organization_id, document_id from sales_documents where kind <> 'letter'`.execute(db)
  for (const row of rows.rows)
    await sql`update sales_documents set page_token = ${newToken()}
      where organization_id = ${row.organization_id} and document_id = ${row.document_id}`.execute(db)
  // Not unique, like cases' tokens: tenant keys start with the organization, and 24 random bytes
  // do not collide.
  await db.schema
    .createIndex('sales_documents_page_token')
    .on('sales_documents')
    .column('page_token')
    .execute()
}
