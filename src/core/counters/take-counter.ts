// Takes the next value of a per-organization counter under its row lock, so two transactions,
// even in two server processes, never take the same value. The first take creates the counter.

import { forUpdate, type Storage, type Tx } from '../../storage/database.ts'

// Dialect-owned resources count under their own key, e.g. `record:comments`.
export type CounterKey =
  | 'contact'
  | 'contact_person'
  | 'product'
  | 'case'
  | 'invoice'
  | 'payment'
  | 'bill'
  | 'recurring'
  | 'webhook_request'
  | `record:${string}`
  | `sales:${string}`

async function ensureCounter(tx: Tx, organizationId: string, key: CounterKey): Promise<void> {
  await tx
    .insertInto('counters')
    .values({ organization_id: organizationId, counter_key: key, next_value: 1n })
    .onConflict((conflict) => conflict.columns(['organization_id', 'counter_key']).doNothing())
    .execute()
}

/**
 * Returns the next free value. One UPDATE ... RETURNING both locks the row and takes the value, so
 * the common case is a single round trip; only a counter's first take also inserts it.
 */
export async function takeCounter(
  _storage: Storage,
  tx: Tx,
  organizationId: string,
  key: CounterKey,
): Promise<bigint> {
  const increment = () =>
    tx
      .updateTable('counters')
      .set((eb) => ({ next_value: eb('next_value', '+', 1n) }))
      .where('organization_id', '=', organizationId)
      .where('counter_key', '=', key)
      .returning('next_value')
      .executeTakeFirst()
  let row = await increment()
  if (!row) {
    await ensureCounter(tx, organizationId, key)
    row = await increment()
  }
  if (!row) throw new Error(`counter ${key} could not be created`)
  return row.next_value - 1n
}

/** Locks the counter and returns its next value without taking it. */
export async function peekCounter(
  storage: Storage,
  tx: Tx,
  organizationId: string,
  key: CounterKey,
): Promise<bigint> {
  await ensureCounter(tx, organizationId, key)
  const row = await forUpdate(
    storage,
    tx
      .selectFrom('counters')
      .select('next_value')
      .where('organization_id', '=', organizationId)
      .where('counter_key', '=', key),
  ).executeTakeFirstOrThrow()
  return row.next_value
}

export async function setCounter(
  tx: Tx,
  organizationId: string,
  key: CounterKey,
  nextValue: bigint,
): Promise<void> {
  await tx
    .updateTable('counters')
    .set({ next_value: nextValue })
    .where('organization_id', '=', organizationId)
    .where('counter_key', '=', key)
    .execute()
}
