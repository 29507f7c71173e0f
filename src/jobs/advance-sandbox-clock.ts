// Moves a sandbox organization's clock forward one day at a time and runs that day's jobs after
// each step, so a jump of forty days leaves the invoices exactly as forty days of a running server
// would: each reminder on its own day, each day's interest counted on the principal of that day.

import {
  advanceClock,
  assertSandbox,
  checkAdvanceDays,
  type OrganizationClock,
} from '../core/clock/advance-clock.ts'
import type { CoreContext, Tenant } from '../core/context.ts'
import type { OrganizationRun, Scheduler } from './scheduler.ts'

export type AdvancedClock = OrganizationClock & Readonly<{ runs: readonly OrganizationRun[] }>

/** How long a day waits for jobs another process is running for the same organization. */
const WAIT_FOR_OTHER_PROCESS_MS = 30_000

export async function advanceSandboxClock(
  context: CoreContext,
  scheduler: Pick<Scheduler, 'runOrganization'>,
  tenant: Tenant,
  input: Readonly<{ days: unknown; sandbox: boolean }>,
): Promise<AdvancedClock> {
  // Checked before the first step, so a refused call moves nothing.
  assertSandbox(input.sandbox)
  const days = checkAdvanceDays(input.days)
  let clock: OrganizationClock | undefined
  const runs: OrganizationRun[] = []
  for (let day = 0; day < days; day += 1) {
    clock = await advanceClock(context, tenant, { days: 1, sandbox: input.sandbox })
    runs.push(await scheduler.runOrganization(tenant.organizationId, { waitMs: WAIT_FOR_OTHER_PROCESS_MS }))
  }
  return { ...(clock as OrganizationClock), runs }
}
