// Proves that a billogram's automatic_reminders_settings, reminder_fee, interest_rate and
// automatic_collection, and the account's settings, drive the scheduler's dunning: Reminder_1 and
// Reminder_2 on their overdue days with the billogram's fee, interest_fee to the öre at the
// billogram's rate, Collection after the last reminder, state filters that find them, and refusals
// that name the wire field.

import { beforeAll, expect, test } from 'vitest'
import { getDunningSettings } from '../../../src/core/dunning/update-dunning-settings.ts'
import { addDays } from '../../../src/domain/calendar/dates.ts'
import { INTEREST_DENOMINATOR } from '../../../src/domain/dunning/interest.ts'
import { divideRounded } from '../../../src/domain/money/money.ts'
import { createScheduler } from '../../../src/jobs/scheduler.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer, eventTypes } from './support/fixtures.ts'

const SENT_ON = '2026-03-02'
const DUE_ON = '2026-03-12'
// 1,250 kr at a contractual 10 % a year, in ten-thousandths of a percent.
const PRINCIPAL_MINOR = 125_000n
const RATE_UNITS = 100_000n

function interestKronor(days: number): number {
  return (
    Number(divideRounded(PRINCIPAL_MINOR * RATE_UNITS * BigInt(days), INTEREST_DENOMINATOR, 'half-up')) / 100
  )
}

describeEachEngine('billogram automatic dunning', ({ storage }) => {
  const api = useBillogramApi(storage, `${SENT_ON}T09:00:00.000Z`)
  let customerNo = 0
  let today = SENT_ON

  /** Runs the scheduler on every day up to overdue day `day`, as a server would. */
  async function passToOverdueDay(day: number) {
    const scheduler = createScheduler({ context: api.core() })
    const until = addDays(DUE_ON, day)
    while (today < until) {
      today = addDays(today, 1)
      api.setNow(`${today}T06:00:00.000Z`)
      await scheduler.runOrganization(api.organizationId())
    }
  }
  const read = async (id: string) => (await api.call('GET', `/billogram/${id}`)).json.data
  const listByState = async (state: string) =>
    (
      await api.call('GET', `/billogram?filter_type=field&filter_field=state&filter_value=${state}`)
    ).json.data.map((billogram: { id: string }) => billogram.id)

  beforeAll(async () => {
    customerNo = await createCustomer(api)
  })

  test('reminders, fees, interest and collection follow the billogram’s own dunning fields', async () => {
    const billogram = await createBillogram(api, customerNo, {
      due_date: DUE_ON,
      reminder_fee: 60,
      interest_rate: 10,
      automatic_reminders_settings: [
        { delay_days: 5, message: 'Glömde du oss?' },
        { delay_days: 20, message: '' },
      ],
      automatic_collection: { delay_days: 14, amount: 0, use_default_settings: false },
      on_success: { command: 'send', method: 'Email' },
    })

    await passToOverdueDay(4)
    const overdue = await read(billogram.id)
    await passToOverdueDay(5)
    const first = await read(billogram.id)
    await passToOverdueDay(20)
    const second = await read(billogram.id)
    const filtered = {
      overdue: await listByState('Overdue'),
      second: await listByState('Reminder_2'),
      first: await listByState('Reminder_1'),
    }
    await passToOverdueDay(33)
    const waiting = await read(billogram.id)
    await passToOverdueDay(34)
    const collected = await read(billogram.id)

    expect(overdue).toMatchObject({ state: 'Overdue', reminder_count: 0, interest_fee: interestKronor(4) })
    expect(first).toMatchObject({ state: 'Reminder_1', reminder_count: 1, interest_fee: interestKronor(5) })
    expect(first.events.at(-1)).toMatchObject({
      type: 'ReminderSent',
      data: { reminder_fee: 60, reminder_count: 1, message: 'Glömde du oss?' },
    })
    expect(first.detailed_sums).toMatchObject({ reminder_fee: 60, interest_fee: interestKronor(5) })
    expect(first.total_sum).toBe(1250 + 60 + interestKronor(5))
    expect(second).toMatchObject({ state: 'Reminder_2', reminder_count: 2, interest_fee: interestKronor(20) })
    expect(second.total_sum).toBe(1250 + 120 + interestKronor(20))
    expect(filtered.overdue).toContain(billogram.id)
    expect(filtered.second).toContain(billogram.id)
    expect(filtered.first).not.toContain(billogram.id)
    expect(waiting.state).toBe('Reminder_2')
    expect(collected.state).toBe('Collection')
    expect(eventTypes(collected).at(-1)).toBe('Collection')
    expect(collected.interest_fee).toBe(interestKronor(34))
    expect(collected.remaining_sum).toBe(1250 + 120 + interestKronor(34))
  })

  test('automatic_reminders false keeps a billogram Overdue while the others are reminded', async () => {
    await api.call('PUT', '/settings', {
      invoices: { automatic_reminders: [{ delay_days: '3', message: '' }] },
    })
    today = addDays(today, 1)
    api.setNow(`${today}T06:00:00.000Z`)
    const reminded = await createBillogram(api, customerNo, {
      due_days: 1,
      on_success: { command: 'send', method: 'Email' },
    })
    const silent = await createBillogram(api, customerNo, {
      due_days: 1,
      automatic_reminders: false,
      on_success: { command: 'send', method: 'Email' },
    })
    const scheduler = createScheduler({ context: api.core() })
    for (let day = 0; day < 5; day += 1) {
      today = addDays(today, 1)
      api.setNow(`${today}T06:00:00.000Z`)
      await scheduler.runOrganization(api.organizationId())
    }

    expect(reminded.automatic_reminders_settings).toEqual([{ delay_days: '3', message: '' }])
    expect((await read(reminded.id)).state).toBe('Reminder_1')
    expect((await read(silent.id)).state).toBe('Overdue')
  })

  test('the account settings become the organization’s dunning settings', async () => {
    const saved = await api.call('PUT', '/settings', {
      invoices: {
        automatic_reminders: [
          { delay_days: '7', message: '' },
          { delay_days: '21', message: '' },
        ],
        default_reminder_fee: 50,
        automatic_collection: { delay_days: 10, amount: 0, use_default_settings: false },
      },
    })
    const settings = await getDunningSettings(api.core(), { organizationId: api.organizationId() })
    const tooDear = await api.call('PUT', '/settings', { invoices: { default_reminder_fee: 100 } })

    expect(saved.json.data.invoices.automatic_reminders).toHaveLength(2)
    expect(settings).toMatchObject({
      automaticReminders: true,
      reminderDays: [7, 21],
      reminderFeesMinor: [5_000n, 5_000n],
      automaticCollection: true,
      collectionAfterDays: 10,
    })
    expect(tooDear.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'default_reminder_fee', field_path: ['invoices'] },
    })
  })

  test('bad dunning fields are refused naming the field, and nothing is created', async () => {
    const before = (await api.call('GET', '/billogram')).json.meta.total_count
    const decreasing = await api.call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [{ title: 'x', count: 1, price: 10, vat: 25, unit: 'unit' }],
      automatic_reminders_settings: [{ delay_days: 10 }, { delay_days: 5 }],
    })
    const rate = await api.call('POST', '/billogram', {
      customer: { customer_no: customerNo },
      items: [{ title: 'x', count: 1, price: 10, vat: 25, unit: 'unit' }],
      interest_rate: 500,
    })
    const after = (await api.call('GET', '/billogram')).json.meta.total_count

    expect(decreasing.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'delay_days', field_path: ['automatic_reminders_settings', 1] },
    })
    expect(rate.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'interest_rate' } })
    expect(after).toBe(before)
  })
})
