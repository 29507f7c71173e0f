// Proves a whole dunning cycle as the scheduler runs it day by day on the sandbox clock: overdue on
// the right day, reminders with their fees on their days, interest to the öre, a respite pausing
// it all, collection after the last reminder, and a balanced ledger after each.
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { CoreContext, Tenant } from '../../src/core/context.ts'
import { grantRespite } from '../../src/core/dunning/respite.ts'
import { getInvoiceDunning } from '../../src/core/dunning/set-invoice-dunning.ts'
import { updateDunningSettings } from '../../src/core/dunning/update-dunning-settings.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { loadInvoice } from '../../src/core/invoices/invoice-record.ts'
import { INTEREST_DENOMINATOR } from '../../src/domain/dunning/interest.ts'
import { divideRounded } from '../../src/domain/money/money.ts'
import { advanceSandboxClock } from '../../src/jobs/advance-sandbox-clock.ts'
import { createScheduler, type Scheduler } from '../../src/jobs/scheduler.ts'
import { accountBalances, createWorld, entryTotals } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

// 10 hours at 1,000 SEK plus 25 % VAT; the world's clock stands on 2026-11-02.
const GROSS_MINOR = 1_250_000n
const DUE_DATE = '2026-11-12'
// The Swedish reference rate from 2026-01-01 (2.00 %) plus 8 points, in ten-thousandths of a percent.
const RATE_UNITS = 100_000n
const FEE_MINOR = 6_000n

function interestFor(days: number): bigint {
  return divideRounded(GROSS_MINOR * RATE_UNITS * BigInt(days), INTEREST_DENOMINATOR, 'half-up')
}

describeEachEngine('a dunning cycle on the sandbox clock', ({ storage }) => {
  let core: CoreContext
  let tenant: Tenant
  let invoiceId: string
  let scheduler: Scheduler

  beforeEach(async () => {
    const world = await createWorld(storage())
    core = world.core
    tenant = world.tenant
    scheduler = createScheduler({ context: core })
    await updateDunningSettings(core, tenant, { automaticReminders: true, automaticCollection: true })
    const draft = await createInvoice(core, tenant, {
      contactId: world.contactId,
      invoiceDate: '2026-11-02',
      dueDate: DUE_DATE,
      lines: [{ productId: world.productId, quantity: '10' }],
    })
    invoiceId = (await approveInvoice(core, tenant, draft.invoiceId)).invoiceId
  })

  afterEach(async () => {
    const totals = await entryTotals(storage(), tenant.organizationId)
    expect(totals.filter((entry) => BigInt(entry.debit) !== BigInt(entry.credit))).toEqual([])
    const balances = await accountBalances(storage(), tenant.organizationId)
    expect([...balances.values()].reduce((sum, balance) => sum + balance, 0n)).toBe(0n)
  })

  const advance = (days: number) => advanceSandboxClock(core, scheduler, tenant, { days, sandbox: true })
  const invoice = async () => {
    const found = await loadInvoice(storage().db, tenant.organizationId, invoiceId)
    if (!found) throw new Error('invoice vanished')
    return found
  }
  const reminders = () =>
    storage()
      .db.selectFrom('dunning_reminders')
      .select(['level', 'reminded_on', 'fee_minor', 'interest_minor'])
      .where('organization_id', '=', tenant.organizationId)
      .where('invoice_id', '=', invoiceId)
      .orderBy('level')
      .execute()

  test('the invoice becomes overdue the day after its due date, with its event', async () => {
    await advance(10)
    const onDueDate = (await invoice()).state

    await advance(1)

    expect(onDueDate).toBe('open')
    expect((await invoice()).state).toBe('overdue')
    const events = await storage()
      .db.selectFrom('events')
      .select('type')
      .where('organization_id', '=', tenant.organizationId)
      .where('invoice_id', '=', invoiceId)
      .where('type', '=', 'invoice.overdue')
      .execute()
    expect(events).toHaveLength(1)
  })

  test('reminders go out on overdue days 7, 21 and 35 with their fee and the interest to that day', async () => {
    await advance(10 + 35)

    expect(await reminders()).toEqual([
      { level: 1, reminded_on: '2026-11-19', fee_minor: FEE_MINOR, interest_minor: interestFor(7) },
      {
        level: 2,
        reminded_on: '2026-12-03',
        fee_minor: FEE_MINOR,
        interest_minor: interestFor(21) - interestFor(7),
      },
      {
        level: 3,
        reminded_on: '2026-12-17',
        fee_minor: FEE_MINOR,
        interest_minor: interestFor(35) - interestFor(21),
      },
    ])
    const current = await invoice()
    expect(current.feesMinor).toBe(3n * FEE_MINOR + interestFor(35))
    expect(current.balanceMinor).toBe(GROSS_MINOR + 3n * FEE_MINOR + interestFor(35))
  })

  test('interest accrues to the öre: 10 % a year on 12,500 kronor for 35 days is 119.86', async () => {
    await advance(10 + 35)

    const dunning = await getInvoiceDunning(core, tenant, invoiceId)

    expect(interestFor(35)).toBe(11_986n)
    expect(dunning.overdueDays).toBe(35)
    expect(dunning.interestEarnedMinor).toBe(11_986n)
    expect(dunning.interestChargedMinor).toBe(11_986n)
  })

  test('a respite pauses days, interest and reminders, and the schedule resumes after it', async () => {
    await advance(10 + 8)
    await grantRespite(core, tenant, { invoiceId, until: '2026-12-10' })

    await advance(20)
    const underRespite = await getInvoiceDunning(core, tenant, invoiceId)
    await advance(1 + 12)

    expect(underRespite.overdueDays).toBe(8)
    expect((await invoice()).state).toBe('overdue')
    // Overdue again on 12-11 (day 9), so day 21 is 12-23.
    expect((await reminders()).map((row) => [row.level, row.reminded_on])).toEqual([
      [1, '2026-11-19'],
      [2, '2026-12-23'],
    ])
    expect((await getInvoiceDunning(core, tenant, invoiceId)).interestChargedMinor).toBe(interestFor(21))
  })

  test('the case goes to collection 14 overdue days after the last reminder, and waits there', async () => {
    await advance(10 + 48)
    const beforeCollection = (await invoice()).state

    await advance(1)

    expect(beforeCollection).toBe('overdue')
    const current = await invoice()
    expect(current.state).toBe('collection')
    const dunning = await getInvoiceDunning(core, tenant, invoiceId)
    expect(dunning.collection).toEqual({
      partner: 'operator',
      reference: `operator-${invoiceId}`,
      startedOn: '2026-12-31',
      outcome: null,
    })
    expect(dunning.interestChargedMinor).toBe(interestFor(49))
    await advance(30)
    expect((await invoice()).state).toBe('collection')
    expect((await getInvoiceDunning(core, tenant, invoiceId)).overdueDays).toBe(49)
  })
})
