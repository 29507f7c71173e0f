// Proves that a billing tab's billing days are counted from the day the customer's series began:
// a monthly tab started on 31 January is billed on 28 February and then on every month's end (31
// March, 30 April, ...), never drifting to the 28th; nothing is billed the day before; an empty
// tab moves on to the next period of the same series; the ledger balances after a year.
import { sql } from 'kysely'
import { beforeAll, expect, test } from 'vitest'
import { addTabItem } from '../../src/core/billing-tabs/add-tab-item.ts'
import { billDueTabs } from '../../src/core/billing-tabs/bill-due-tabs.ts'
import { getBillingTab, putTabSettings } from '../../src/core/billing-tabs/tab-operations.ts'
import type { CoreContext } from '../../src/core/context.ts'
import { addDays } from '../../src/domain/calendar/dates.ts'
import { accountBalances, createWorld, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

const MONTH_ENDS = [
  '2027-02-28',
  '2027-03-31',
  '2027-04-30',
  '2027-05-31',
  '2027-06-30',
  '2027-07-31',
  '2027-08-31',
  '2027-09-30',
  '2027-10-31',
  '2027-11-30',
  '2027-12-31',
  '2028-01-31',
  '2028-02-29',
]

describeEachEngine('billing-tab periods', ({ storage }) => {
  let world: World
  let today = '2027-01-31'
  let core: CoreContext

  beforeAll(async () => {
    world = await createWorld(storage())
    core = { storage: world.core.storage, clock: { now: () => new Date(`${today}T10:00:00.000Z`) } }
  })

  const addItem = (key: string) =>
    addTabItem(core, world.tenant, {
      contactId: world.contactId,
      deduplicationId: key,
      line: { description: 'Abonnemang', quantity: '1', unitPrice: '100', vatRatePercent: '25' },
    })
  async function emptiedOn(): Promise<string[]> {
    const rows = await sql<{ emptied_at: string }>`
      select emptied_at from billing_tabs
      where organization_id = ${world.tenant.organizationId} and emptied_at is not null
      order by emptied_at`.execute(storage().db)
    return rows.rows.map((row) => String(row.emptied_at).slice(0, 10))
  }

  test('a monthly tab begun on 31 January is billed on every month end', async () => {
    await putTabSettings(core, world.tenant, world.contactId, { billingFrequency: 'monthly' })
    const billedDays: string[] = []
    for (const [month, billOn] of MONTH_ENDS.entries()) {
      await addItem(`month-${month}`)
      expect((await getBillingTab(core, world.tenant, world.contactId)).billOn).toBe(billOn)
      today = addDays(billOn, -1)
      expect(await billDueTabs(core, world.tenant)).toBe(0)
      today = billOn
      expect(await billDueTabs(core, world.tenant)).toBe(1)
      billedDays.push(billOn)
    }

    expect(await emptiedOn()).toEqual(billedDays)
    expect(billedDays).toEqual(MONTH_ENDS)
  })

  test('an empty tab moves on to the next period of the same series', async () => {
    today = '2028-03-05'
    const next = await putTabSettings(core, world.tenant, world.contactId, { billingFrequency: 'monthly' })
    expect(next).toMatchObject({ periodStartOn: '2028-02-29', billOn: '2028-03-31', items: [] })
    today = '2028-03-31'
    expect(await billDueTabs(core, world.tenant)).toBe(1)
    const moved = await getBillingTab(core, world.tenant, world.contactId)
    expect(moved).toMatchObject({ periodStartOn: '2028-03-31', billOn: '2028-04-30', items: [] })
    expect(await emptiedOn()).toHaveLength(MONTH_ENDS.length)
  })

  test('the ledger balances', async () => {
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect([...balances.values()].reduce((sum, balance) => sum + balance, 0n)).toBe(0n)
  })
})
