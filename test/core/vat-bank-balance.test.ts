// Proves on both engines the core use cases behind Billy's bookkeeping resources: a VAT period is
// settled into the settlement account and reopened, and a chart without one refuses; a customer's
// balance pays an invoice and never more than it holds; a bank match pays an owing invoice only
// when its lines add up; a reminder with no channels is recorded and queues nothing.

import { expect, test } from 'vitest'
import { approveBankMatch } from '../../src/core/bank/approve-bank-match.ts'
import { addBankLine, addMatchSubject, createBankMatch } from '../../src/core/bank/bank-matches.ts'
import { remindContact } from '../../src/core/dunning/remind-contact.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { getInvoice } from '../../src/core/invoices/get-invoice.ts'
import { applyContactBalance } from '../../src/core/payments/apply-contact-balance.ts'
import { receivePayment } from '../../src/core/payments/receive-payment.ts'
import { reopenVatReturn, settleVatReturn } from '../../src/core/vat/vat-returns.ts'
import { DomainError } from '../../src/domain/errors.ts'
import { accountBalances, createWorld, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

async function approved(world: World, invoiceDate = '2026-10-01') {
  const draft = await createInvoice(world.core, world.tenant, {
    contactId: world.contactId,
    invoiceDate,
    lines: [{ productId: world.productId }],
  })
  return approveInvoice(world.core, world.tenant, draft.invoiceId)
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}

const Q4 = { returnId: '2026-Q4', startDate: '2026-10-01', endDate: '2026-12-31' }

describeEachEngine('vat, bank and balance use cases', ({ storage }) => {
  test('settling a period empties its VAT into the settlement account; reopening reverses it', async () => {
    const world = await createWorld(storage(), 'DK', 'DKK')
    await approved(world)

    const settled = await settleVatReturn(world.core, world.tenant, Q4)
    const afterSettle = await accountBalances(storage(), world.tenant.organizationId)
    await reopenVatReturn(world.core, world.tenant, Q4)
    const afterReopen = await accountBalances(storage(), world.tenant.organizationId)

    expect(settled.settlementMinor).toBe(25000n)
    expect(afterSettle.get('7410') ?? 0n).toBe(0n)
    expect(afterSettle.get('7430')).toBe(-25000n)
    expect(afterReopen.get('7410')).toBe(-25000n)
    expect(afterReopen.get('7430') ?? 0n).toBe(0n)
  })

  test('a chart without a VAT settlement account refuses to settle', async () => {
    const world = await createWorld(storage())
    await approved(world)

    const error = await refusal(settleVatReturn(world.core, world.tenant, Q4))

    expect(error.details.field).toBe('isSettled')
  })

  test('a customer’s balance pays an invoice, never more than it holds', async () => {
    const world = await createWorld(storage(), 'DK', 'DKK')
    const first = await approved(world)
    const second = await approved(world)
    await receivePayment(world.core, world.tenant, {
      invoiceIds: [first.invoiceId],
      amountMinor: first.grossMinor + 10000n,
      paidOn: '2026-10-05',
    })

    const tooMuch = await refusal(
      applyContactBalance(world.core, world.tenant, {
        invoiceIds: [second.invoiceId],
        amountMinor: 10001n,
        entryDate: '2026-10-06',
      }),
    )
    const applied = await applyContactBalance(world.core, world.tenant, {
      invoiceIds: [second.invoiceId],
      amountMinor: 10000n,
      entryDate: '2026-10-06',
    })

    expect(tooMuch.details.field).toBe('amount')
    expect(applied.applied).toEqual([{ invoiceId: second.invoiceId, amountMinor: 10000n }])
    expect((await getInvoice(world.core, world.tenant, second.invoiceId)).balanceMinor).toBe(
      second.grossMinor - 10000n,
    )
  })

  test('a bank match pays an owing invoice only when its lines add up', async () => {
    const world = await createWorld(storage(), 'DK', 'DKK')
    const invoice = await approved(world)
    const short = await createBankMatch(world.core, world.tenant, { accountNumber: '5710' })
    await addBankLine(world.core, world.tenant, {
      matchId: short.matchId,
      entryDate: '2026-10-20',
      description: 'Ind',
      amountMinor: invoice.grossMinor - 1n,
    })
    await addMatchSubject(world.core, world.tenant, {
      matchId: short.matchId,
      subjectType: 'invoice',
      subjectId: invoice.invoiceId,
    })

    const error = await refusal(approveBankMatch(world.core, world.tenant, short.matchId))

    expect(error.details.field).toBe('isApproved')
    expect((await getInvoice(world.core, world.tenant, invoice.invoiceId)).balanceMinor).toBe(
      invoice.grossMinor,
    )
  })

  test('a reminder with no channels is recorded with its level and queues nothing', async () => {
    const world = await createWorld(storage(), 'DK', 'DKK')
    const invoice = await approved(world, '2026-09-01')

    const notice = await remindContact(world.core, world.tenant, {
      contactId: world.contactId,
      invoiceIds: [invoice.invoiceId],
      feeCurrency: 'DKK',
      flatFee: '0',
      percentageFee: '0',
      channels: {},
    })
    const outbox = await storage()
      .db.selectFrom('outbox')
      .select('kind')
      .where('organization_id', '=', world.tenant.organizationId)
      .where('kind', 'like', 'invoice.%')
      .execute()

    expect(notice.invoices).toEqual([expect.objectContaining({ invoiceId: invoice.invoiceId, level: 1 })])
    expect(outbox.filter((row) => row.kind !== 'invoice.pdf')).toEqual([])
  })
})
