// Proves writedown and revert-writedown over the Billogram API: a write-down provides for the
// billogram's claim (net of VAT, BAS 6351 against 1519) while the claim stays owed, its state and
// remaining_sum unchanged; a revert releases it; a later payment, write-off or collector's payment
// releases it too, so the ledger never holds a provision for a claim that is gone.

import { beforeAll, expect, test } from 'vitest'
import { recordPartnerOutcome } from '../../../src/cli/partner-commands.ts'
import { markOverdueInvoices } from '../../../src/core/invoices/mark-overdue.ts'
import { accountBalances } from '../../support/core-fixtures.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer, eventTypes } from './support/fixtures.ts'

describeEachEngine('billogram write-downs', ({ storage }) => {
  const api = useBillogramApi(storage)
  let customerNo = 0
  const command = (id: string, name: string, body?: unknown) =>
    api.call('POST', `/billogram/${id}/command/${name}`, body)
  const sent = () => createBillogram(api, customerNo, { on_success: { command: 'send', method: 'Email' } })
  /** How much each of the accounts moved while `work` ran. */
  const moves = async (work: () => Promise<unknown>, accounts: readonly string[]) => {
    const before = await accountBalances(storage(), api.organizationId())
    await work()
    const after = await accountBalances(storage(), api.organizationId())
    return accounts.map((account) => (after.get(account) ?? 0n) - (before.get(account) ?? 0n))
  }

  beforeAll(async () => {
    customerNo = await createCustomer(api)
  })

  test('writedown provides for the claim net of VAT and keeps it Unpaid with all of it remaining', async () => {
    const billogram = await sent()
    let answer: Awaited<ReturnType<typeof command>> | undefined

    const moved = await moves(async () => {
      answer = await command(billogram.id, 'writedown', null)
    }, ['6351', '1519', '1510'])

    expect(answer?.json.data).toMatchObject({ state: 'Unpaid', remaining_sum: 1250, total_sum: 1250 })
    expect(answer?.json.data.events.at(-1)).toMatchObject({
      type: 'Writedown',
      data: { amount: 1000, total_sum: 1250, remaining_sum: 1250 },
    })
    expect(moved).toEqual([100000n, -100000n, 0n])
  })

  test('revert-writedown releases the provision; a second writedown or revert is INVALID_OBJECT_STATE', async () => {
    const billogram = await sent()
    await command(billogram.id, 'writedown')
    const twice = await command(billogram.id, 'writedown', {})
    let reverted: Awaited<ReturnType<typeof command>> | undefined

    const moved = await moves(async () => {
      reverted = await command(billogram.id, 'revert-writedown')
    }, ['6351', '1519'])
    const again = await command(billogram.id, 'revert-writedown')

    expect(twice.json.status).toBe('INVALID_OBJECT_STATE')
    expect(reverted?.json.data).toMatchObject({ state: 'Unpaid', remaining_sum: 1250 })
    expect(eventTypes(reverted?.json.data).slice(-2)).toEqual(['Writedown', 'RevertWritedown'])
    expect(moved).toEqual([-100000n, 100000n])
    expect(again.json).toMatchObject({
      status: 'INVALID_OBJECT_STATE',
      data: { message: expect.any(String) },
    })
  })

  test('an unattested or paid billogram is not written down; a body key is UNKNOWN_PARAMETER', async () => {
    const unattested = await createBillogram(api, customerNo)
    const paid = await sent()
    await command(paid.id, 'payment', { amount: 1250 })

    const draft = await command(unattested.id, 'writedown')
    const settled = await command(paid.id, 'writedown')
    const keyed = await command((await sent()).id, 'writedown', { amount: 10 })

    expect(draft.json.status).toBe('INVALID_OBJECT_STATE')
    expect(settled.json.status).toBe('INVALID_OBJECT_STATE')
    expect(keyed.json).toMatchObject({ status: 'UNKNOWN_PARAMETER', data: { field: 'amount' } })
  })

  test('a part payment lowers the provision, the last of it releases all of it', async () => {
    const billogram = await sent()
    await command(billogram.id, 'writedown')

    const part = await moves(() => command(billogram.id, 'payment', { amount: 250 }), ['6351', '1519'])
    const rest = await moves(() => command(billogram.id, 'payment', { amount: 1000 }), ['6351', '1519'])

    expect(part).toEqual([-20000n, 20000n])
    expect(rest).toEqual([-80000n, 80000n])
    expect((await api.call('GET', `/billogram/${billogram.id}`)).json.data.state).toBe('Paid')
  })

  test('writeoff after a writedown releases it and books the loss with the VAT taken back', async () => {
    const billogram = await sent()
    await command(billogram.id, 'writedown')

    const moved = await moves(
      () => command(billogram.id, 'writeoff'),
      ['6351', '1519', '6352', '2611', '1510'],
    )

    expect(moved).toEqual([-100000n, 100000n, 100000n, 25000n, -125000n])
  })

  test('a written-down billogram in collection keeps the provision until the collector pays', async () => {
    api.setNow('2026-03-02T09:00:00.000Z')
    const billogram = await createBillogram(api, customerNo, {
      due_days: 10,
      on_success: { command: 'send', method: 'Email' },
    })
    api.setNow('2026-03-20T09:00:00.000Z')
    await markOverdueInvoices(api.core(), { organizationId: api.organizationId() })
    await command(billogram.id, 'writedown')

    const handed = await moves(() => command(billogram.id, 'collect'), ['6351', '1519'])
    const paid = await moves(
      () =>
        recordPartnerOutcome(
          api.core(),
          { organizationId: api.organizationId() },
          { billogram: billogram.id, outcome: 'paid' },
        ),
      ['6351', '1519'],
    )

    expect(handed).toEqual([0n, 0n])
    expect(paid).toEqual([-100000n, 100000n])
  })
})
