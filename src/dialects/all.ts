// The dialects the server mounts, in one list so main.ts and the tests mount the same set.

import type { Config } from '../config/config.ts'
import type { DialectMount } from '../http/server.ts'
import { billogramDialect } from './billogram/plugin.ts'
import { billomatDialect, createBillomatDialect } from './billomat/plugin.ts'
import { BILLOMAT_RATE_LIMIT } from './billomat/rate-limit.ts'
import { billyDialect } from './billy/plugin.ts'

export const DIALECTS: readonly DialectMount[] = [billogramDialect, billomatDialect, billyDialect]

/** The dialects as configured: the same list, with the operator's Billomat quota. */
export function dialectsFor(config: Pick<Config, 'billomatRateLimit'>): readonly DialectMount[] {
  const rateLimit = { ...BILLOMAT_RATE_LIMIT, ...config.billomatRateLimit }
  return [billogramDialect, createBillomatDialect({ rateLimit }), billyDialect]
}
