// Runs several use cases as one transaction: either every change they make is committed, or none
// is. Each use case still opens "its own" transaction; inside a unit of work that call joins the
// outer one instead (Kysely refuses nested transactions). This is what lets a dialect save a
// record together with its embedded children, or a bulk request of many records, atomically
// without a second, transaction-taking copy of every use case.

import type { Kysely } from 'kysely'
import type { Tx } from '../storage/database.ts'
import type { Database } from '../storage/schema.ts'
import type { CoreContext } from './context.ts'

type Joined = Readonly<{
  execute: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>
  setIsolationLevel: () => Joined
  setAccessMode: () => Joined
}>

/**
 * A handle on `tx` whose transaction() joins `tx`. Methods are bound to the real transaction,
 * because Kysely keeps its state in private fields that a Proxy receiver cannot reach.
 */
function joiningHandle(tx: Tx): Tx {
  const handle: Tx = new Proxy(tx, {
    get(target, property) {
      if (property === 'transaction') {
        const joined: Joined = {
          execute: (work) => work(handle),
          setIsolationLevel: () => joined,
          setAccessMode: () => joined,
        }
        return () => joined
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return handle
}

/** Calls `work` with a context whose every use case runs inside one shared transaction. */
export async function inOneTransaction<T>(
  context: CoreContext,
  work: (unit: CoreContext) => Promise<T>,
): Promise<T> {
  return context.storage.db.transaction().execute((tx) => {
    const db = joiningHandle(tx) as unknown as Kysely<Database>
    return work({ clock: context.clock, storage: { ...context.storage, db } })
  })
}
