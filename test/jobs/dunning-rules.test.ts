// Proves the country rules and refusals of dunning through the core: Danish fee caps and the
// compensation for businesses, German interest for businesses, one reminder a day, failures kept
// to their invoice, collection outcomes, per-invoice overrides, and every refusal's code.
import { afterEach, expect, test } from 'vitest'
import { advanceClock } from '../../src/core/clock/advance-clock.ts'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import type { CoreContext, Tenant } from '../../src/core/context.ts'
import { recordCollectionOutcome } from '../../src/core/dunning/record-collection-outcome.ts'
import { sendReminder } from '../../src/core/dunning/send-reminder.ts'
import { getInvoiceDunning, setInvoiceDunning } from '../../src/core/dunning/set-invoice-dunning.ts'
import {
  type DunningSettingsPatch,
  updateDunningSettings,
} from '../../src/core/dunning/update-dunning-settings.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { loadInvoice } from '../../src/core/invoices/invoice-record.ts'
import { INTEREST_DENOMINATOR } from '../../src/domain/dunning/interest.ts'
import { DomainError } from '../../src/domain/errors.ts'
import { divideRounded } from '../../src/domain/money/money.ts'
import { advanceSandboxClock } from '../../src/jobs/advance-sandbox-clock.ts'
import { createScheduler } from '../../src/jobs/scheduler.ts'
import { accountBalances, createWorld, entryTotals, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

type Setup = World & Readonly<{ advance: (days: number) => Promise<unknown> }>

async function refusal(work: Promise<unknown>): Promise<Readonly<{ code: string; field: unknown }>> {
  try {
    await work
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.details.field }
    throw error
  }
  throw new Error('expected a refusal')
}

describeEachEngine('dunning rules', ({ storage }) => {
  const tenants: Tenant[] = []

  afterEach(async () => {
    for (const tenant of tenants.splice(0)) {
      const totals = await entryTotals(storage(), tenant.organizationId)
      expect(totals.filter((entry) => BigInt(entry.debit) !== BigInt(entry.credit))).toEqual([])
      const balances = await accountBalances(storage(), tenant.organizationId)
      expect([...balances.values()].reduce((sum, balance) => sum + balance, 0n)).toBe(0n)
    }
  })

  async function setup(country: string, currency: string, settings: DunningSettingsPatch): Promise<Setup> {
    const world = await createWorld(storage(), country, currency)
    tenants.push(world.tenant)
    await updateDunningSettings(world.core, world.tenant, { automaticReminders: true, ...settings })
    const scheduler = createScheduler({ context: world.core })
    return {
      ...world,
      advance: (days) => advanceSandboxClock(world.core, scheduler, world.tenant, { days, sandbox: true }),
    }
  }

  async function invoiceFor(world: World, contact: Parameters<typeof createContact>[2]): Promise<string> {
    const { contactId } = await createContact(world.core, world.tenant, contact)
    const draft = await createInvoice(world.core, world.tenant, {
      contactId,
      invoiceDate: '2026-11-02',
      dueDate: '2026-11-12',
      lines: [{ productId: world.productId, quantity: '4' }],
    })
    return (await approveInvoice(world.core, world.tenant, draft.invoiceId)).invoiceId
  }

  const person = { kind: 'person', name: 'Jens Hansen', email: 'jens@example.dk' } as const
  const company = { kind: 'company', name: 'Firma ApS', email: 'firma@example.dk' } as const

  async function charged(core: CoreContext, tenant: Tenant, invoiceId: string) {
    return storage()
      .db.selectFrom('dunning_reminders')
      .select(['level', 'fee_minor', 'compensation_minor'])
      .where('organization_id', '=', tenant.organizationId)
      .where('invoice_id', '=', invoiceId)
      .orderBy('level')
      .execute()
      .then((rows) => rows.map((row) => [row.level, row.fee_minor, row.compensation_minor]))
      .finally(() => core)
  }

  test('a Danish consumer pays 100 kroner on each of three reminders and nothing on a fourth', async () => {
    const world = await setup('DK', 'DKK', {
      reminderDays: [7, 21, 35, 49],
      reminderFeesMinor: [10_000n, 10_000n, 10_000n, 0n],
    })
    const invoiceId = await invoiceFor(world, person)

    await world.advance(10 + 49)

    expect(await charged(world.core, world.tenant, invoiceId)).toEqual([
      [1, 10_000n, 0n],
      [2, 10_000n, 0n],
      [3, 10_000n, 0n],
      [4, 0n, 0n],
    ])
  })

  test('a Danish business pays the 310 kroner compensation once and no reminder fee on top', async () => {
    const world = await setup('DK', 'DKK', { chargeCompensation: true })
    const invoiceId = await invoiceFor(world, company)

    await world.advance(10 + 21)

    expect(await charged(world.core, world.tenant, invoiceId)).toEqual([
      [1, 0n, 31_000n],
      [2, 0n, 0n],
    ])
  })

  test('a German business owes interest at the base rate plus 9 points', async () => {
    const world = await setup('DE', 'EUR', {})
    const invoiceId = await invoiceFor(world, company)

    await world.advance(10 + 7)

    const gross = (await loadInvoice(storage().db, world.tenant.organizationId, invoiceId))?.grossMinor ?? 0n
    // 1.27 % (Basiszinssatz from 2025-07-01) + 9 points = 10.27 % on 5,000 euros for 7 days: 9.85.
    const expected = divideRounded(gross * 102_700n * 7n, INTEREST_DENOMINATOR, 'half-up')
    expect(gross).toBe(500_000n)
    expect((await getInvoiceDunning(world.core, world.tenant, invoiceId)).interestChargedMinor).toBe(expected)
    expect(expected).toBe(985n)
  })

  test('a second reminder on the same day is refused, and one for an invoice not overdue', async () => {
    const world = await setup('SE', 'SEK', { automaticReminders: false })
    const invoiceId = await invoiceFor(world, person)
    const early = await refusal(sendReminder(world.core, world.tenant, { invoiceId }))
    await world.advance(11)
    await sendReminder(world.core, world.tenant, { invoiceId })

    const again = await refusal(sendReminder(world.core, world.tenant, { invoiceId }))

    expect(early.code).toBe('wrong_state')
    expect(again).toEqual({ code: 'conflict', field: 'invoiceId' })
  })

  test('an invoice nobody can be reached for is marked failed for the day, the others are reminded', async () => {
    const world = await setup('SE', 'SEK', {})
    const unreachable = await invoiceFor(world, { kind: 'person', name: 'Utan Adress' })
    const reachable = await invoiceFor(world, person)

    await world.advance(10 + 7)

    const failed = await getInvoiceDunning(world.core, world.tenant, unreachable)
    expect(failed.level).toBe(0)
    expect(failed.failure).toContain('invalid_field')
    expect((await getInvoiceDunning(world.core, world.tenant, reachable)).level).toBe(1)
  })

  test('an invoice with automatic reminders switched off is left alone', async () => {
    const world = await setup('SE', 'SEK', {})
    const invoiceId = await invoiceFor(world, person)
    await setInvoiceDunning(world.core, world.tenant, invoiceId, { automaticReminders: false })

    await world.advance(10 + 21)

    const dunning = await getInvoiceDunning(world.core, world.tenant, invoiceId)
    expect(dunning.automaticReminders).toBe(false)
    expect(dunning.level).toBe(0)
    expect(dunning.overdueDays).toBe(21)
  })

  test('a collection outcome of paid settles the case, written off ends it', async () => {
    const world = await setup('SE', 'SEK', { automaticCollection: true })
    const paid = await invoiceFor(world, person)
    const lost = await invoiceFor(world, person)
    await world.advance(10 + 49)

    const paidOutcome = await recordCollectionOutcome(world.core, world.tenant, {
      invoiceId: paid,
      outcome: 'paid',
    })
    const lostOutcome = await recordCollectionOutcome(world.core, world.tenant, {
      invoiceId: lost,
      outcome: 'written_off',
    })

    expect(paidOutcome).toEqual({ outcome: 'paid', state: 'paid', balanceMinor: 0n })
    expect(lostOutcome).toEqual({ outcome: 'written_off', state: 'written_off', balanceMinor: 0n })
    expect((await getInvoiceDunning(world.core, world.tenant, paid)).collection?.outcome).toBe('paid')
  })

  test('a collection outcome is refused for a case not in collection or an unknown outcome', async () => {
    const world = await setup('SE', 'SEK', {})
    const invoiceId = await invoiceFor(world, person)

    const notInCollection = await refusal(
      recordCollectionOutcome(world.core, world.tenant, { invoiceId, outcome: 'paid' }),
    )
    const unknown = await refusal(
      recordCollectionOutcome(world.core, world.tenant, { invoiceId, outcome: 'won' }),
    )

    expect(notInCollection.code).toBe('wrong_state')
    expect(unknown).toEqual({ code: 'invalid_field', field: 'outcome' })
  })

  test('settings beyond the statutory limit or naming no partner are refused', async () => {
    const world = await setup('DK', 'DKK', {})

    const tooDear = await refusal(
      updateDunningSettings(world.core, world.tenant, { reminderFeesMinor: [15_000n, 0n, 0n] }),
    )
    const noPartner = await refusal(
      updateDunningSettings(world.core, world.tenant, { collectionPartner: 'acme' }),
    )

    expect(tooDear).toEqual({ code: 'invalid_field', field: 'reminderFees.0' })
    expect(noPartner).toEqual({ code: 'invalid_field', field: 'collectionPartner' })
  })

  test('the clock moves only in sandbox mode, forward, by whole days', async () => {
    const world = await setup('SE', 'SEK', {})

    const off = await refusal(advanceClock(world.core, world.tenant, { days: 1, sandbox: false }))
    const backwards = await refusal(advanceClock(world.core, world.tenant, { days: -1, sandbox: true }))
    const fraction = await refusal(advanceClock(world.core, world.tenant, { days: 1.5, sandbox: true }))
    const moved = await advanceClock(world.core, world.tenant, { days: 3, sandbox: true })

    expect(off.code).toBe('forbidden')
    expect(backwards).toEqual({ code: 'invalid_field', field: 'days' })
    expect(fraction).toEqual({ code: 'invalid_field', field: 'days' })
    expect(moved).toMatchObject({ clockOffsetDays: 3, today: '2026-11-05' })
  })
})
