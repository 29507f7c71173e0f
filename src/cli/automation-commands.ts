// CLI commands for what runs on its own: the sandbox clock, a scheduler pass on demand, the
// statutory dunning table in force, and the operator's side of collection (the cases it holds and
// the outcomes it records). The clock moves only with --sandbox (or FAKTURA_SANDBOX=1), as on the
// server; the due jobs of each day run in this process and their effects leave through the
// outbox, which the server's relay delivers.

import { getOrganizationClock } from '../core/clock/advance-clock.ts'
import type { CoreContext, Tenant } from '../core/context.ts'
import { listCollectionCases } from '../core/dunning/list-collection-cases.ts'
import { STATUTORY_TABLE } from '../domain/dunning/statutory-table.ts'
import { invalidField } from '../domain/errors.ts'
import type { CurrencyCode } from '../domain/money/currency.ts'
import { minorToDecimalString } from '../domain/money/decimal.ts'
import { advanceSandboxClock } from '../jobs/advance-sandbox-clock.ts'
import { createScheduler } from '../jobs/scheduler.ts'
import { openCore } from '../main.ts'
import type { Command, CommandContext } from './commands.ts'

function text(context: CommandContext, flag: string): string | undefined {
  const value = context.flags[flag]
  return typeof value === 'string' && value !== '' ? value : undefined
}

function required(context: CommandContext, flag: string): string {
  const value = text(context, flag)
  if (value === undefined) throw invalidField(flag, `--${flag} is required`)
  return value
}

async function withCore(
  context: CommandContext,
  work: (core: CoreContext) => Promise<number>,
): Promise<number> {
  const core = await openCore(context.config)
  try {
    return await work(core)
  } finally {
    await core.storage.close()
  }
}

const tenantOf = (context: CommandContext): Tenant => ({ organizationId: required(context, 'org') })

function wholeDays(context: CommandContext): number {
  const days = Number(required(context, 'days'))
  if (!Number.isInteger(days)) throw invalidField('days', '--days must be a whole number')
  return days
}

export const AUTOMATION_COMMANDS: readonly Command[] = [
  {
    name: 'clock advance',
    summary:
      "clock advance --org ID --days N --sandbox: move a sandbox organization N days on, running each day's jobs",
    run: (context) =>
      withCore(context, async (core) => {
        const tenant = tenantOf(context)
        const days = wholeDays(context)
        const sandbox = context.config.sandbox
        const result = await advanceSandboxClock(core, createScheduler({ context: core }), tenant, {
          days,
          sandbox,
        })
        const handled = result.runs.flatMap((run) => run.jobs).reduce((sum, job) => sum + job.handled, 0)
        context.print(
          `${tenant.organizationId} is now on ${result.today} (+${result.clockOffsetDays} days); jobs handled ${handled} invoices`,
          result,
        )
        return 0
      }),
  },
  {
    name: 'clock show',
    summary: "clock show --org ID: the organization's calendar day and its sandbox offset",
    run: (context) =>
      withCore(context, async (core) => {
        const clock = await getOrganizationClock(core, tenantOf(context))
        context.print(`${clock.today} (+${clock.clockOffsetDays} days)`, clock)
        return 0
      }),
  },
  {
    name: 'jobs run',
    summary: 'jobs run [--org ID]: run the due scheduled jobs now (all organizations, or one)',
    run: (context) =>
      withCore(context, async (core) => {
        const scheduler = createScheduler({ context: core })
        const org = text(context, 'org')
        const runs = org ? [await scheduler.runOrganization(org)] : await scheduler.runOnce()
        const lines = runs.map(
          (run) =>
            `${run.organizationId} ${run.runOn}: ${run.jobs.map((job) => `${job.job} ${job.status} ${job.handled}`).join(', ')}`,
        )
        context.print(lines.length ? lines.join('\n') : 'no organizations', runs)
        return 0
      }),
  },
  {
    name: 'dunning rates',
    summary:
      'dunning rates [--country SE|DE|DK]: the statutory table in force (reference rates, fees, limits)',
    async run(context) {
      const country = text(context, 'country')
      const rows = STATUTORY_TABLE.filter((row) => !country || row.country === country.toUpperCase())
      context.print(
        rows
          .map((row) => `${row.country} ${row.validFrom} ${row.item} ${row.value}  (${row.source})`)
          .join('\n'),
        rows,
      )
      return 0
    },
  },
  {
    name: 'collection list',
    summary: 'collection list --org ID: the cases waiting in collection with the operator',
    run: (context) =>
      withCore(context, async (core) => {
        const cases = await listCollectionCases(core, tenantOf(context))
        const lines = cases.map(
          (each) =>
            `${each.invoiceId}  ${each.number ?? ''}  ${minorToDecimalString(each.balanceMinor, each.currency as CurrencyCode)} ${each.currency}  since ${each.startedOn ?? '?'}  ${each.reference ?? ''}`,
        )
        context.print(lines.length ? lines.join('\n') : 'no cases in collection', cases)
        return 0
      }),
  },
]
