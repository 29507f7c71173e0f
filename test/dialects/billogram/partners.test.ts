// Proves collection and factoring over the Billogram API: collect and sell hand a billogram to the
// built-in operator partner, it waits in Collection or Factoring until the operator records the
// outcome (the `collection record` CLI command's use case), and each outcome reaches the vendor's
// state and event, with the money it moved posted to the ledger.

import { beforeAll, expect, test } from 'vitest'
import { recordPartnerOutcome } from '../../../src/cli/partner-commands.ts'
import { markOverdueInvoices } from '../../../src/core/invoices/mark-overdue.ts'
import { accountBalances } from '../../support/core-fixtures.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer, eventTypes } from './support/fixtures.ts'

describeEachEngine('billogram collection and factoring', ({ storage }) => {
  const api = useBillogramApi(storage)
  let customerNo = 0
  const command = (id: string, name: string, body?: unknown) =>
    api.call('POST', `/billogram/${id}/command/${name}`, body)
  const record = (flags: Record<string, string>) =>
    recordPartnerOutcome(api.core(), { organizationId: api.organizationId() }, flags)
  const get = async (id: string) => (await api.call('GET', `/billogram/${id}`)).json.data
  const overdue = async () => {
    api.setNow('2026-03-02T09:00:00.000Z')
    const billogram = await createBillogram(api, customerNo, {
      due_days: 10,
      on_success: { command: 'send', method: 'Email' },
    })
    api.setNow('2026-03-20T09:00:00.000Z')
    await markOverdueInvoices(api.core(), { organizationId: api.organizationId() })
    return billogram
  }

  beforeAll(async () => {
    customerNo = await createCustomer(api)
  })

  test('collect is refused before the due date; an overdue billogram waits in Collection', async () => {
    api.setNow('2026-03-02T09:00:00.000Z')
    const unpaid = await createBillogram(api, customerNo, {
      on_success: { command: 'send', method: 'Email' },
    })
    const late = await overdue()

    const early = await command(unpaid.id, 'collect')
    const collected = await command(late.id, 'collect', null)

    expect(early.json).toMatchObject({
      status: 'INVALID_OBJECT_STATE',
      data: { message: expect.stringContaining('not due until') },
    })
    expect(collected.json.data.state).toBe('Collection')
    expect(collected.json.data.events.at(-1)).toMatchObject({
      type: 'Collection',
      data: { collector_method: 'operator' },
    })
  })

  test('collect from Unpaid once the due date has passed: marked Overdue, then handed over', async () => {
    api.setNow('2026-03-02T09:00:00.000Z')
    const billogram = await createBillogram(api, customerNo, {
      due_days: 10,
      on_success: { command: 'send', method: 'Email' },
    })
    api.setNow('2026-03-20T09:00:00.000Z')
    const unpaid = await get(billogram.id)

    const collected = await command(billogram.id, 'collect')

    expect(unpaid.state).toBe('Unpaid')
    expect(collected.json.data.state).toBe('Collection')
    expect(eventTypes(collected.json.data).slice(-2)).toEqual(['Overdue', 'Collection'])
  })

  test('a collector payment recorded by billogram id ends it Paid with CollectorPayment', async () => {
    const late = await overdue()
    await command(late.id, 'collect')

    const outcome = await record({ billogram: late.id, outcome: 'paid' })
    const after = await get(late.id)

    expect(outcome).toMatchObject({ outcome: 'paid', state: 'paid', balanceMinor: 0n })
    expect(after).toMatchObject({ state: 'Paid', remaining_sum: 0 })
    expect(eventTypes(after).slice(-3)).toEqual(['Payment', 'BillogramEnded', 'CollectorPayment'])
  })

  test('a collector that gives up leaves it CollectorEnded; one called off returns it Overdue', async () => {
    const lost = await overdue()
    const recalled = await overdue()
    await command(lost.id, 'collect')
    await command(recalled.id, 'collect')

    await record({ billogram: lost.id, outcome: 'written_off' })
    await record({ billogram: recalled.id, outcome: 'cancelled', on: '2026-03-20' })
    await markOverdueInvoices(api.core(), { organizationId: api.organizationId() })

    expect(await get(lost.id)).toMatchObject({ state: 'CollectorEnded', remaining_sum: 0 })
    expect(eventTypes(await get(lost.id)).at(-1)).toBe('CollectionEnded')
    const back = await get(recalled.id)
    expect(back.state).toBe('Overdue')
    expect(eventTypes(back).slice(-2)).toEqual(['CollectionCancelled', 'Overdue'])
  })

  test('sell on an unattested billogram asks for factoring; sold for less posts the factor fee', async () => {
    api.setNow('2026-03-02T09:00:00.000Z')
    const billogram = await createBillogram(api, customerNo)
    const before = await accountBalances(storage(), api.organizationId())

    const asked = await command(billogram.id, 'sell')
    await record({ billogram: billogram.id, outcome: 'sold', amount: '1200' })
    const sold = await get(billogram.id)

    const after = await accountBalances(storage(), api.organizationId())
    expect(asked.json.data).toMatchObject({ state: 'Factoring', remaining_sum: 1250 })
    expect(eventTypes(asked.json.data).at(-1)).toBe('FactoringRequest')
    expect(sold).toMatchObject({ state: 'Sold', remaining_sum: 0 })
    expect(sold.events.at(-1)).toMatchObject({ type: 'BillogramSold', data: { sold_for: 1200 } })
    expect((after.get('1930') ?? 0n) - (before.get('1930') ?? 0n)).toBe(120000n)
    expect((after.get('6570') ?? 0n) - (before.get('6570') ?? 0n)).toBe(5000n)
  })

  test('on_success sell and the legacy _event sell create straight into Factoring; denied returns it', async () => {
    const viaOnSuccess = await createBillogram(api, customerNo, { on_success: { command: 'sell' } })
    const viaEvent = await createBillogram(api, customerNo, { _event: 'sell' })

    await record({ billogram: viaEvent.id, outcome: 'denied' })
    const denied = await get(viaEvent.id)
    const paid = await command(viaEvent.id, 'payment', { amount: 1250 })

    expect(viaOnSuccess).toMatchObject({ state: 'Factoring' })
    expect(viaEvent.state).toBe('Factoring')
    expect(denied.state).toBe('FactoringDenied')
    expect(eventTypes(denied).at(-1)).toBe('FactoringDenied')
    expect(paid.json.data.state).toBe('Paid')
  })

  test('an outcome of the other kind of partner, or for a case not handed over, is refused', async () => {
    const selling = await createBillogram(api, customerNo, { _event: 'sell' })
    const plain = await createBillogram(api, customerNo, { on_success: { command: 'send', method: 'Email' } })

    const wrongKind = record({ billogram: selling.id, outcome: 'paid' })
    await expect(wrongKind).rejects.toMatchObject({ code: 'invalid_field', details: { field: 'outcome' } })
    const notHanded = record({ billogram: plain.id, outcome: 'sold' })
    await expect(notHanded).rejects.toMatchObject({ code: 'wrong_state' })
    const unnamed = record({ outcome: 'sold' })
    await expect(unnamed).rejects.toMatchObject({ code: 'invalid_field', details: { field: 'case' } })
  })

  test('the state filter finds exactly the billograms shown in each partner state, and no others', async () => {
    const collected = await overdue()
    const factoring = await createBillogram(api, customerNo, { _event: 'sell' })
    const sold = await createBillogram(api, customerNo, { _event: 'sell' })
    const denied = await createBillogram(api, customerNo, { _event: 'sell' })
    const ended = await overdue()
    const paid = await overdue()
    const free = await createBillogram(api, customerNo, {
      items: [{ title: 'Gratis', count: 1, price: 0, vat: 25, unit: 'unit' }],
      on_success: { command: 'send', method: 'Email' },
    })
    const partly = await createBillogram(api, customerNo, {
      on_success: { command: 'send', method: 'Email' },
    })
    await command(partly.id, 'payment', { amount: 250 })
    await command(collected.id, 'collect')
    await command(ended.id, 'collect')
    await record({ billogram: ended.id, outcome: 'written_off' })
    await record({ billogram: sold.id, outcome: 'sold' })
    await record({ billogram: denied.id, outcome: 'denied' })
    await command(paid.id, 'payment', { amount: 1250 })

    const all = await api.call('GET', '/billogram?page_size=500')
    const shown = new Map<string, string[]>()
    for (const billogram of all.json.data as { id: string; state: string }[])
      shown.set(billogram.state, [...(shown.get(billogram.state) ?? []), billogram.id])
    const states = ['Collection', 'Factoring', 'Sold', 'CollectorEnded', 'FactoringDenied', 'Paid', 'Ended']
    const found = new Map<string, string[]>()
    for (const state of [...states, 'Unpaid', 'PartlyPaid', 'Overdue']) {
      const page = await api.call(
        'GET',
        `/billogram?filter_type=field&filter_field=state&filter_value=${state}&page_size=500`,
      )
      found.set(state, (page.json.data as { id: string }[]).map((billogram) => billogram.id).sort())
    }

    for (const state of [...states, 'Unpaid', 'PartlyPaid', 'Overdue'])
      expect(found.get(state), state).toEqual((shown.get(state) ?? []).sort())
    expect(found.get('Collection')).toContain(collected.id)
    expect(found.get('Factoring')).toContain(factoring.id)
    expect(found.get('Sold')).toContain(sold.id)
    expect(found.get('CollectorEnded')).toContain(ended.id)
    expect(found.get('FactoringDenied')).toContain(denied.id)
    expect(found.get('Paid')).toContain(paid.id)
    expect(found.get('Ended')).toContain(free.id)
    expect(found.get('PartlyPaid')).toContain(partly.id)
    const both = await api.call(
      'GET',
      '/billogram?filter_type=field&filter_field=state&filter_value=Factoring,Sold',
    )
    expect(both.json.meta.total_count).toBe(
      (found.get('Factoring')?.length ?? 0) + (found.get('Sold')?.length ?? 0),
    )
  })
})
