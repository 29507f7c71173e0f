// The dialects the server mounts, in one list so main.ts and the tests mount the same set.

import type { DialectMount } from '../http/server.ts'
import { billogramDialect } from './billogram/plugin.ts'
import { billomatDialect } from './billomat/plugin.ts'
import { billyDialect } from './billy/plugin.ts'

export const DIALECTS: readonly DialectMount[] = [billogramDialect, billomatDialect, billyDialect]
