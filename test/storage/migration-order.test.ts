// Proves a migration that arrives after later-named ones have run is still applied: work landed
// side by side can reach a database in another order than the names sort.

import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { migrateToLatest } from '../../src/storage/migrate.ts'
import { down as dropSalesDocuments } from '../../src/storage/migrations/0008-sales-documents.ts'
import { describeEachEngine } from '../support/engines.ts'

describeEachEngine('migrations out of name order', ({ storage }) => {
  test('a database that ran 0009 and later still takes 0008 when it arrives', async () => {
    const db = storage().db
    await dropSalesDocuments(db as never)
    await db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', '0008-sales-documents' as never)
      .execute()

    const applied = await migrateToLatest(db)

    expect(applied).toEqual(['0008-sales-documents'])
    const rows = await sql<{ count: number | string }>`SELECT count(*) AS count FROM sales_documents`.execute(
      db,
    )
    expect(Number(rows.rows[0]?.count)).toBe(0)
  })
})
