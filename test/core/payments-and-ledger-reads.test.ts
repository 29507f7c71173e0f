// Proves on both engines: a payment settling several invoices with its overflow on the contact's
// balance, voiding it (balances owed again, entry reversed, voiding twice changes nothing),
// invoice numbers chosen by hand, credit notes with written-out lines, and the ledger reads.

import { expect, test } from 'vitest'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { creditInvoice } from '../../src/core/invoices/credit-invoice.ts'
import { getInvoice } from '../../src/core/invoices/get-invoice.ts'
import { getLedgerEntries, listLedgerEntries, listLedgerLines } from '../../src/core/ledger/list-ledger.ts'
import { getPayments, listPayments } from '../../src/core/payments/list-payments.ts'
import { receivePayment } from '../../src/core/payments/receive-payment.ts'
import { voidPayment } from '../../src/core/payments/void-payment.ts'
import { DomainError } from '../../src/domain/errors.ts'
import { accountBalances, createWorld, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

async function approvedInvoice(world: World, unitPrice: string, number?: string) {
  const draft = await createInvoice(world.core, world.tenant, {
    contactId: world.contactId,
    lines: [{ productId: world.productId, unitPrice }],
  })
  return approveInvoice(world.core, world.tenant, draft.invoiceId, number ? { number } : {})
}

async function refusal(promise: Promise<unknown>): Promise<[string, unknown]> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DomainError)
  return [(error as DomainError).code, (error as DomainError).details.field]
}

describeEachEngine('payments, voids and ledger reads', ({ storage }) => {
  test('one payment settles two invoices in order and puts the rest on the contact balance', async () => {
    const world = await createWorld(storage())
    const first = await approvedInvoice(world, '100')
    const second = await approvedInvoice(world, '200')

    const payment = await receivePayment(world.core, world.tenant, {
      invoiceIds: [first.invoiceId, second.invoiceId],
      amountMinor: 40000n,
      feeMinor: 500n,
      paidOn: '2026-11-03',
    })

    const [firstNow, secondNow] = await Promise.all([
      getInvoice(world.core, world.tenant, first.invoiceId),
      getInvoice(world.core, world.tenant, second.invoiceId),
    ])
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(payment.applications.map((a) => a.amountMinor)).toEqual([12500n, 25000n])
    expect(payment.overpaidMinor).toBe(2500n)
    expect([firstNow.state, secondNow.state]).toEqual(['paid', 'paid'])
    expect(balances.get('1930')).toBe(39500n)
    expect(balances.get('6570')).toBe(500n)
    expect(balances.get('2420')).toBe(-2500n)
  })

  test('voiding a payment makes the invoice owe again, reverses its entry and is idempotent', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world, '100')
    const payment = await receivePayment(world.core, world.tenant, {
      invoiceIds: [invoice.invoiceId],
      amountMinor: 12500n,
      paidOn: '2026-11-03',
    })

    const voided = await voidPayment(world.core, world.tenant, payment.paymentId)
    const again = await voidPayment(world.core, world.tenant, payment.paymentId)

    const now = await getInvoice(world.core, world.tenant, invoice.invoiceId)
    const [stored] = await getPayments(world.core, world.tenant, { ids: [payment.paymentId] })
    const entries = await getLedgerEntries(world.core, world.tenant, { sourceIds: [payment.paymentId] })
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect([voided.changed, again.changed]).toEqual([true, false])
    expect(now.balanceMinor).toBe(12500n)
    expect(now.state).toBe('open')
    expect(stored?.isVoided).toBe(true)
    expect(entries.map((entry) => entry.isVoid)).toEqual([true, true])
    expect(balances.get('1930')).toBe(0n)
  })

  test('invoices of two contacts or two currencies are not paid together', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world, '100')
    const other = await createContact(world.core, world.tenant, { name: 'Annan AB' })
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: other.contactId,
      lines: [{ productId: world.productId }],
    })
    const foreign = await approveInvoice(world.core, world.tenant, draft.invoiceId)

    const attempt = receivePayment(world.core, world.tenant, {
      invoiceIds: [invoice.invoiceId, foreign.invoiceId],
      amountMinor: 100n,
      paidOn: '2026-11-03',
    })

    expect(await refusal(attempt)).toEqual(['invalid_field', 'contactId'])
  })

  test('a number chosen by hand is kept, refused twice, and the series moves past it', async () => {
    const world = await createWorld(storage())

    const chosen = await approvedInvoice(world, '100', '5003')
    const next = await approvedInvoice(world, '100')

    expect(chosen.number).toBe('5003')
    expect(next.number).toBe('5004')
    expect(await refusal(approvedInvoice(world, '100', '5003'))).toEqual(['conflict', 'number'])
  })

  test('a credit note with written-out lines credits their total and posts the mirror', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world, '100')

    const credit = await creditInvoice(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      selection: { mode: 'custom', lines: [{ productId: world.productId, unitPrice: '40' }] },
      creditDate: '2026-11-05',
      extra: { note: 'kept' },
    })

    expect(credit.creditNote.grossMinor).toBe(5000n)
    expect(credit.creditNote.invoiceDate).toBe('2026-11-05')
    expect(credit.creditNote.extra).toEqual({ note: 'kept' })
    expect(credit.invoice.balanceMinor).toBe(7500n)
  })

  test('ledger entries and lines are listed by source, account and void state', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world, '100')
    const payment = await receivePayment(world.core, world.tenant, {
      invoiceIds: [invoice.invoiceId],
      amountMinor: 12500n,
      paidOn: '2026-11-03',
    })
    await voidPayment(world.core, world.tenant, payment.paymentId)

    const live = await listLedgerEntries(world.core, world.tenant, {
      filters: [{ field: 'isVoid', op: 'eq', value: false }],
      limit: 10,
      offset: 0,
    })
    const bankLines = await listLedgerLines(world.core, world.tenant, {
      filters: [{ field: 'accountNumber', op: 'eq', value: '1930' }],
      limit: 10,
      offset: 0,
    })
    const payments = await listPayments(world.core, world.tenant, { limit: 10, offset: 0 })
    expect(live.items.map((entry) => entry.sourceType)).toEqual(['invoice'])
    expect(live.items[0]?.entryNo).toBe(1n)
    expect(bankLines.items.map((line) => [line.debitMinor, line.creditMinor, line.entry.isVoid])).toEqual([
      [12500n, 0n, true],
      [0n, 12500n, true],
    ])
    expect(payments.items[0]?.applied).toEqual([{ invoiceId: invoice.invoiceId, amountMinor: 12500n }])
  })
})
