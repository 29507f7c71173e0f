// Proves draft credit notes issued in place on both engines: the draft keeps its id, is numbered in
// the credit-note series without gaps (a refused issue takes no number), is posted and applied in
// the same transaction, and the ledger balances after each step.

import { expect, test } from 'vitest'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { creditInvoice } from '../../src/core/invoices/credit-invoice.ts'
import { getInvoice } from '../../src/core/invoices/get-invoice.ts'
import { issueCreditDraft } from '../../src/core/invoices/issue-credit-draft.ts'
import { updateDraftInvoice } from '../../src/core/invoices/update-draft-invoice.ts'
import { payOutCreditNote, voidCreditNotePayout } from '../../src/core/payments/pay-out-credit-note.ts'
import { recordPayment } from '../../src/core/payments/record-payment.ts'
import { DomainError } from '../../src/domain/errors.ts'
import { accountBalances, countRows, createWorld, entryTotals, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

async function approvedInvoice(world: World, quantity = '2') {
  const draft = await createInvoice(world.core, world.tenant, {
    contactId: world.contactId,
    lines: [{ productId: world.productId, quantity }],
  })
  return approveInvoice(world.core, world.tenant, draft.invoiceId)
}

/** A draft credit note of `unitPrice` (net, 25 % VAT) against the invoice. */
function creditDraft(world: World, invoiceId: string, unitPrice: string) {
  return createInvoice(
    world.core,
    world.tenant,
    {
      contactId: world.contactId,
      lines: [{ description: 'Kreditering', unitPrice, vatRatePercent: '25' }],
    },
    { kind: 'credit_note', creditedInvoiceId: invoiceId },
  )
}

async function expectBalanced(world: World) {
  const totals = await entryTotals(world.core.storage, world.tenant.organizationId)
  for (const entry of totals) expect(BigInt(entry.debit)).toBe(BigInt(entry.credit))
}

function refusal(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (error: unknown) => error,
  )
}

describeEachEngine('draft credit notes', ({ storage }) => {
  test('a draft credit note is written in its invoice’s case and issued under its own id', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    const draft = await creditDraft(world, invoice.invoiceId, '400')
    expect(draft.caseId).toBe(invoice.caseId)
    expect(draft.number).toBeNull()

    const issued = await issueCreditDraft(world.core, world.tenant, draft.invoiceId)

    expect(issued.invoiceId).toBe(draft.invoiceId)
    expect(issued.invoiceSeq).toBe(draft.invoiceSeq)
    expect(issued).toMatchObject({ kind: 'credit_note', state: 'paid', number: '1', grossMinor: 50000n })
    expect(issued.seriesKey).toBe('credit_note')
    expect(issued.creditedInvoiceId).toBe(invoice.invoiceId)
    const after = await getInvoice(world.core, world.tenant, invoice.invoiceId)
    expect(after).toMatchObject({ state: 'open', creditedMinor: 50000n, balanceMinor: 200000n })
    expect(await countRows(storage(), 'invoices', world.tenant.organizationId)).toBe(2)
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('1510')).toBe(200000n)
    expect(balances.get('3001')).toBe(-160000n)
    expect(balances.get('2611')).toBe(-40000n)
    await expectBalanced(world)
  })

  test('numbers are gap-free: a refused issue takes none and leaves the draft a draft', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    const first = await creditDraft(world, invoice.invoiceId, '400')
    const tooMuch = await creditDraft(world, invoice.invoiceId, '1700')
    const second = await creditDraft(world, invoice.invoiceId, '400')

    const issuedFirst = await issueCreditDraft(world.core, world.tenant, first.invoiceId)
    const refused = await refusal(issueCreditDraft(world.core, world.tenant, tooMuch.invoiceId))
    const issuedSecond = await issueCreditDraft(world.core, world.tenant, second.invoiceId)
    const { creditNote: third } = await creditInvoice(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      selection: { mode: 'amount', amountMinor: 10000n },
    })

    expect(refused).toBeInstanceOf(DomainError)
    expect((refused as DomainError).code).toBe('amount_exceeds_balance')
    expect([issuedFirst.number, issuedSecond.number, third.number]).toEqual(['1', '2', '3'])
    const kept = await getInvoice(world.core, world.tenant, tooMuch.invoiceId)
    expect(kept).toMatchObject({ state: 'draft', number: null })
    const after = await getInvoice(world.core, world.tenant, invoice.invoiceId)
    expect(after.creditedMinor).toBe(110000n)
    await expectBalanced(world)
  })

  test('an edited draft is issued as edited; issuing twice is refused', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    const draft = await creditDraft(world, invoice.invoiceId, '400')
    await updateDraftInvoice(world.core, world.tenant, draft.invoiceId, {
      lines: [{ description: 'Kreditering', unitPrice: '800', vatRatePercent: '25' }],
    })

    const issued = await issueCreditDraft(world.core, world.tenant, draft.invoiceId)
    const again = await refusal(issueCreditDraft(world.core, world.tenant, draft.invoiceId))

    expect(issued.grossMinor).toBe(100000n)
    expect((again as DomainError).code).toBe('wrong_state')
    await expectBalanced(world)
  })

  test('crediting a paid invoice from a draft moves the excess to the customer’s balance', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    await recordPayment(world.core, world.tenant, { invoiceId: invoice.invoiceId, amountMinor: 250000n })
    const draft = await creditDraft(world, invoice.invoiceId, '2000')

    await issueCreditDraft(world.core, world.tenant, draft.invoiceId)

    const after = await getInvoice(world.core, world.tenant, invoice.invoiceId)
    expect(after).toMatchObject({ state: 'credited', balanceMinor: 0n })
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('2420')).toBe(-250000n)
    expect(balances.get('1510')).toBe(0n)
    await expectBalanced(world)
  })

  test('a draft credit note of another credit note is refused when written', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    const issued = await issueCreditDraft(
      world.core,
      world.tenant,
      (await creditDraft(world, invoice.invoiceId, '400')).invoiceId,
    )

    const refused = await refusal(creditDraft(world, issued.invoiceId, '100'))

    expect((refused as DomainError).details.field).toBe('creditedInvoiceId')
  })

  test('a positive draft crediting no invoice is issued in place as a stand-alone credit, paid out and voided', async () => {
    const world = await createWorld(storage())
    const draft = await createInvoice(
      world.core,
      world.tenant,
      {
        contactId: world.contactId,
        lines: [{ description: 'Goodwill', unitPrice: '400', vatRatePercent: '25' }],
      },
      { kind: 'credit_note' },
    )

    const issued = await issueCreditDraft(world.core, world.tenant, draft.invoiceId)
    const paymentId = await payOutCreditNote(world.core, world.tenant, {
      creditNoteId: draft.invoiceId,
      amountMinor: 50000n,
    })
    const paidOut = await getInvoice(world.core, world.tenant, draft.invoiceId)
    const balancesPaid = await accountBalances(storage(), world.tenant.organizationId)
    await voidCreditNotePayout(world.core, world.tenant, paymentId)
    const restored = await getInvoice(world.core, world.tenant, draft.invoiceId)

    expect(issued).toMatchObject({
      invoiceId: draft.invoiceId,
      state: 'open',
      number: '1',
      grossMinor: -50000n,
    })
    expect(issued.seriesKey).toBe('credit_note')
    expect(issued.balanceMinor).toBe(-50000n)
    expect(paidOut).toMatchObject({ state: 'paid', balanceMinor: 0n })
    expect(balancesPaid.get('1510')).toBe(0n)
    expect(restored).toMatchObject({ state: 'open', balanceMinor: -50000n })
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('1510')).toBe(-50000n)
    expect(balances.get('3001')).toBe(40000n)
    await expectBalanced(world)
  })
})
