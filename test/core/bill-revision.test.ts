// Proves the purchase use cases Billomat's incomings need, on both engines: bills get whole
// numbers in order, a bill of zero lines is kept unposted, reviseBill reverses and reposts an
// approved bill (so a later void undoes only what stands), and refuses paid or voided bills.

import { expect, test } from 'vitest'
import { payBills } from '../../src/core/bills/pay-bills.ts'
import { voidBill } from '../../src/core/bills/post-bill.ts'
import { reviseBill } from '../../src/core/bills/revise-bill.ts'
import { createBill } from '../../src/core/bills/save-bill.ts'
import { billTotalsByContact, findBillBySeq, searchBills } from '../../src/core/bills/search-bills.ts'
import { DomainError } from '../../src/domain/errors.ts'
import { accountBalances, createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

const line = (amount: string, vatRatePercent: string | null = '25') => ({
  accountNumber: '4010',
  description: 'Varor',
  amount,
  vatRatePercent,
  taxTreatment: null,
})

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(DomainError)
  return (error as DomainError).code
}

describeEachEngine('bill numbers and revisions', ({ storage }) => {
  test('bills are numbered in order and found by their number', async () => {
    const { core, tenant, contactId } = await createWorld(storage())
    const input = { contactId, entryDate: '2026-10-01', currency: 'SEK', lines: [line('100')] }

    const first = await createBill(core, tenant, input)
    const second = await createBill(core, tenant, input)

    expect(second.billSeq).toBe(first.billSeq + 1n)
    expect((await findBillBySeq(core, tenant, second.billSeq))?.billId).toBe(second.billId)
    expect(await findBillBySeq(core, tenant, 999n)).toBeUndefined()
  })

  test('a bill of zero lines stays a draft when approval is asked whenMoving; one with an amount is posted', async () => {
    const { core, tenant, contactId } = await createWorld(storage())
    const base = { contactId, entryDate: '2026-10-01', currency: 'SEK' }

    const empty = await createBill(core, tenant, { ...base, lines: [line('0')] }, { approve: 'whenMoving' })
    const booked = await createBill(
      core,
      tenant,
      { ...base, lines: [line('100')] },
      { approve: 'whenMoving' },
    )

    expect(empty.state).toBe('draft')
    expect(booked.state).toBe('approved')
    expect((await accountBalances(storage(), tenant.organizationId)).get('4010')).toBe(10000n)
  })

  test('revising an approved bill reverses its entry and posts the new one; voiding undoes only that', async () => {
    const { core, tenant, contactId } = await createWorld(storage())
    const bill = await createBill(
      core,
      tenant,
      { contactId, entryDate: '2026-10-01', currency: 'SEK', lines: [line('100')] },
      { approve: true },
    )

    const revised = await reviseBill(core, tenant, bill.billId, { lines: [line('40')] })
    const afterRevision = await accountBalances(storage(), tenant.organizationId)
    await voidBill(core, tenant, bill.billId)
    const afterVoid = await accountBalances(storage(), tenant.organizationId)

    expect(revised).toMatchObject({ state: 'approved', grossMinor: 5000n, billSeq: bill.billSeq })
    expect(afterRevision.get('4010')).toBe(4000n)
    expect(afterRevision.get('2440')).toBe(-5000n)
    expect(afterVoid.get('4010')).toBe(0n)
    expect(afterVoid.get('2440')).toBe(0n)
  })

  test('revising to zero lines takes the entry back and leaves a draft', async () => {
    const { core, tenant, contactId } = await createWorld(storage())
    const bill = await createBill(
      core,
      tenant,
      { contactId, entryDate: '2026-10-01', currency: 'SEK', lines: [line('100')] },
      { approve: true },
    )

    const revised = await reviseBill(core, tenant, bill.billId, { lines: [line('0')] })

    expect(revised.state).toBe('draft')
    expect((await accountBalances(storage(), tenant.organizationId)).get('4010')).toBe(0n)
  })

  test('a paid or voided bill is not revised', async () => {
    const { core, tenant, contactId } = await createWorld(storage())
    const input = { contactId, entryDate: '2026-10-01', currency: 'SEK', lines: [line('100')] }
    const paid = await createBill(core, tenant, input, { approve: true })
    const voided = await createBill(core, tenant, input, { approve: true })
    await payBills(core, tenant, { billIds: [paid.billId], settledMinor: 1000n, paidOn: '2026-10-02' })
    await voidBill(core, tenant, voided.billId)

    expect(await refusal(reviseBill(core, tenant, paid.billId, { lines: [line('1')] }))).toBe('wrong_state')
    expect(await refusal(reviseBill(core, tenant, voided.billId, { lines: [line('1')] }))).toBe('wrong_state')
  })

  test('searches filter by extra fields and sum approved bills per contact', async () => {
    const { core, tenant, contactId } = await createWorld(storage())
    await createBill(
      core,
      tenant,
      {
        contactId,
        entryDate: '2026-10-01',
        currency: 'SEK',
        lines: [line('100')],
        extra: { billomat: { note: 'Hyra' } },
      },
      { approve: true },
    )
    await createBill(core, tenant, {
      contactId,
      entryDate: '2026-10-01',
      currency: 'SEK',
      lines: [line('7')],
    })

    const found = await searchBills(core, tenant, {
      filters: [{ field: 'extra.billomat.note', op: 'contains', value: 'hyr', caseInsensitive: true }],
      limit: 10,
      offset: 0,
    })
    const totals = await billTotalsByContact(core, tenant, [contactId], 'SEK')

    expect(found.totalCount).toBe(1)
    expect(totals.get(contactId)).toEqual({ netMinor: 10000n, grossMinor: 12500n })
  })
})
