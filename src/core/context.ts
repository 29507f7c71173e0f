// What every use case receives: the storage handle and the clock. Passed in explicitly so tests
// and the sandbox clock can replace them; no use case reads a global.

import type { Storage } from '../storage/database.ts'

export type Clock = Readonly<{ now: () => Date }>

export const systemClock: Clock = { now: () => new Date() }

export type CoreContext = Readonly<{ storage: Storage; clock: Clock }>

/** The organization a request acts for, established by a dialect's authentication. */
export type Tenant = Readonly<{ organizationId: string }>

export function nowIso(context: CoreContext): string {
  return context.clock.now().toISOString()
}

/** The calendar day (UTC) for an organization, moved by its sandbox clock offset. */
export function todayFor(context: CoreContext, clockOffsetDays = 0): string {
  const now = context.clock.now().getTime() + clockOffsetDays * 86_400_000
  return new Date(now).toISOString().slice(0, 10)
}
