// Tables for what only the Billy dialect's resources need beyond the core tables. Kept in a
// migration of its own so the three dialects can grow their storage independently.

import type { Kysely } from 'kysely'

export async function up(_db: Kysely<unknown>): Promise<void> {}
