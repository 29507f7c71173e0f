// Runs the one set of migrations on either engine. Migrations are listed in code, not read from
// a folder, so the list is type-checked and ordered by name.

import type { Kysely } from 'kysely'
import { type Migration, Migrator } from 'kysely/migration'
import * as core from './migrations/0001-core.ts'
import * as delivery from './migrations/0002-delivery.ts'
import * as billogram from './migrations/0003-billogram.ts'
import * as billomat from './migrations/0004-billomat.ts'
import * as billy from './migrations/0005-billy.ts'
import * as automation from './migrations/0006-automation.ts'
import * as sales from './migrations/0008-sales-documents.ts'
import * as billomatAutomation from './migrations/0009-billomat-automation.ts'
import * as billomatPurchases from './migrations/0010-billomat-purchases.ts'
import * as billyRemindersFiles from './migrations/0011-billy-reminders-files.ts'
import * as listIndexes from './migrations/0012-list-indexes.ts'
import * as automationMore from './migrations/0013-automation-more.ts'
import * as writedownAccounts from './migrations/0014-writedown-accounts.ts'
import * as announceCursors from './migrations/0015-announce-cursors.ts'
import * as billingTabAnchor from './migrations/0016-billing-tab-anchor.ts'
import * as salesOptionsPages from './migrations/0019-sales-options-pages.ts'

const MIGRATIONS: Record<string, Migration> = {
  '0001-core': core,
  '0002-delivery': delivery,
  '0003-billogram': billogram,
  '0004-billomat': billomat,
  '0005-billy': billy,
  '0006-automation': automation,
  '0008-sales-documents': sales,
  '0009-billomat-automation': billomatAutomation,
  '0010-billomat-purchases': billomatPurchases,
  '0011-billy-reminders-files': billyRemindersFiles,
  '0012-list-indexes': listIndexes,
  '0013-automation-more': automationMore,
  '0014-writedown-accounts': writedownAccounts,
  '0015-announce-cursors': announceCursors,
  '0016-billing-tab-anchor': billingTabAnchor,
  '0019-sales-options-pages': salesOptionsPages,
}

/** Tables owned by the migrator itself rather than by a tenant. */
export const MIGRATOR_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const

// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Migrations from work done side by side can land in another order than their names; each one
  // touches only its own tables and columns, so a database that ran a later one still takes an
  // earlier one that arrives after it.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    allowUnorderedMigrations: true,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
