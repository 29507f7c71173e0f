// Proves overdue handling over the Billogram API: Overdue after the due date, one reminder a day
// with its fee, and respite that moves the due date and can be removed again.

import { beforeAll, expect, test } from 'vitest'
import { markOverdueInvoices } from '../../../src/core/invoices/mark-overdue.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer, eventTypes } from './support/fixtures.ts'

describeEachEngine('billogram dunning', ({ storage }) => {
  const api = useBillogramApi(storage, '2026-03-02T09:00:00.000Z')
  let customerNo = 0
  const command = (id: string, name: string, body?: unknown) =>
    api.call('POST', `/billogram/${id}/command/${name}`, body)
  const markOverdue = () => markOverdueInvoices(api.core(), { organizationId: api.organizationId() })

  beforeAll(async () => {
    customerNo = await createCustomer(api)
  })

  test('a billogram past its due date becomes Overdue with an Overdue event', async () => {
    api.setNow('2026-03-02T09:00:00.000Z')
    const billogram = await createBillogram(api, customerNo, {
      due_days: 10,
      on_success: { command: 'send', method: 'Email' },
    })
    api.setNow('2026-03-13T09:00:00.000Z')

    await markOverdue()
    const fetched = await api.call('GET', `/billogram/${billogram.id}`)

    expect(fetched.json.data.state).toBe('Overdue')
    expect(fetched.json.data.events.at(-1)).toMatchObject({ type: 'Overdue', data: { date: '2026-03-12' } })
  })

  test('remind is refused before the due date, and a second time on the same day', async () => {
    api.setNow('2026-03-02T09:00:00.000Z')
    const billogram = await createBillogram(api, customerNo, {
      due_days: 10,
      reminder_fee: 60,
      on_success: { command: 'send', method: 'Email' },
    })

    const early = await command(billogram.id, 'remind', null)
    api.setNow('2026-03-14T09:00:00.000Z')
    await markOverdue()
    const first = await command(billogram.id, 'remind', { method: 'Letter', message: 'Påminnelse' })
    const sameDay = await command(billogram.id, 'remind')
    api.setNow('2026-03-15T08:00:00.000Z')
    const nextDay = await command(billogram.id, 'remind')

    expect(early.json.status).toBe('INVALID_OBJECT_STATE')
    // The fee is the billogram's reminder_fee; the core's reminder also charges the late-payment
    // interest of the two days since the due date (1250 kr at the reference rate + 8 %: 0.68 kr).
    expect(first.json.data).toMatchObject({
      state: 'Reminder_1',
      reminder_count: 1,
      remaining_sum: 1310.68,
      total_sum: 1310.68,
    })
    expect(first.json.data.events.at(-1)).toMatchObject({
      type: 'ReminderSent',
      data: { reminder_fee: 60, reminder_count: 1, delivery_method: 'Letter', remaining_sum: 1310.68 },
    })
    expect(sameDay.json).toMatchObject({ status: 'INVALID_OBJECT_STATE' })
    expect(sameDay.json.data.field).toBeUndefined()
    expect(sameDay.json.data.message).toContain('today')
    expect(nextDay.json.data).toMatchObject({ reminder_count: 2, remaining_sum: 1371.03 })
  })

  test('respite must lie after the due date; it moves the due date and opens an overdue billogram', async () => {
    api.setNow('2026-03-02T09:00:00.000Z')
    const billogram = await createBillogram(api, customerNo, {
      due_days: 10,
      on_success: { command: 'send', method: 'Email' },
    })
    api.setNow('2026-03-20T09:00:00.000Z')
    await markOverdue()

    const tooEarly = await command(billogram.id, 'respite', { date: '2026-03-12' })
    const granted = await command(billogram.id, 'respite', { date: '2026-04-15' })
    await markOverdue()
    const stillOpen = await api.call('GET', `/billogram/${billogram.id}`)

    expect(tooEarly.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'date' } })
    expect(granted.json.data).toMatchObject({
      state: 'Unpaid',
      respite_date: '2026-04-15',
      due_date: '2026-03-12',
    })
    expect(eventTypes(granted.json.data).at(-1)).toBe('Respite')
    expect(stillOpen.json.data.state).toBe('Unpaid')
  })

  test('remove-respite restores the due date; without a respite it is INVALID_OBJECT_STATE', async () => {
    api.setNow('2026-03-02T09:00:00.000Z')
    const billogram = await createBillogram(api, customerNo, {
      due_days: 10,
      on_success: { command: 'send', method: 'Email' },
    })
    await command(billogram.id, 'respite', { date: '2026-04-30' })
    api.setNow('2026-03-20T09:00:00.000Z')

    const removed = await command(billogram.id, 'remove-respite', null)
    const again = await command(billogram.id, 'remove-respite')

    expect(removed.json.data).toMatchObject({ state: 'Overdue', respite_date: null, due_date: '2026-03-12' })
    expect(eventTypes(removed.json.data).slice(-2)).toEqual(['RespiteRemoved', 'Overdue'])
    expect(again.json.status).toBe('INVALID_OBJECT_STATE')
  })
})
