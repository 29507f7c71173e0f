// Takes the next value of a per-organization counter under its row lock, so two transactions,
// even in two server processes, never take the same value. The first take creates the counter.

import { forUpdate, type Storage, type Tx } from '../../storage/database.ts'

export type CounterKey = 'contact' | 'contact_person' | 'product' | 'case' | 'invoice' | 'payment'

/** Returns the next free value; `atLeast` moves the counter past a value a caller chose by hand. */
export async function takeCounter(
  storage: Storage,
  tx: Tx,
  organizationId: string,
  key: CounterKey,
): Promise<bigint> {
  const current = await peekCounter(storage, tx, organizationId, key)
  await tx
    .updateTable('counters')
    .set({ next_value: current + 1n })
    .where('organization_id', '=', organizationId)
    .where('counter_key', '=', key)
    .execute()
  return current
}

/** Locks the counter and returns its next value without taking it. */
export async function peekCounter(
  storage: Storage,
  tx: Tx,
  organizationId: string,
  key: CounterKey,
): Promise<bigint> {
  await tx
    .insertInto('counters')
    .values({ organization_id: organizationId, counter_key: key, next_value: 1n })
    .onConflict((conflict) => conflict.columns(['organization_id', 'counter_key']).doNothing())
    .execute()
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
