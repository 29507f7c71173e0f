// Proves the invoice use cases on both engines: drafts, approval, payments, credits and deletion,
// with the ledger, events and outbox written in the same transaction as each change.

import { expect, test } from 'vitest'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { creditInvoice } from '../../src/core/invoices/credit-invoice.ts'
import { deleteDraftInvoice } from '../../src/core/invoices/delete-draft-invoice.ts'
import { getInvoice } from '../../src/core/invoices/get-invoice.ts'
import { updateDraftInvoice } from '../../src/core/invoices/update-draft-invoice.ts'
import { writeOffInvoice } from '../../src/core/invoices/write-off-invoice.ts'
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

async function expectDomainError(promise: Promise<unknown>, code: string, field?: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DomainError)
  expect((error as DomainError).code).toBe(code)
  if (field !== undefined) expect((error as DomainError).details.field).toBe(field)
}

describeEachEngine('invoice use cases', ({ storage }) => {
  test('creating a draft fills the line from the product and totals it', async () => {
    const world = await createWorld(storage())

    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      lines: [{ productId: world.productId, quantity: '1.5' }],
    })

    expect(draft.state).toBe('draft')
    expect(draft.lines[0]?.description).toBe('Konsulttimme')
    expect(draft.netMinor).toBe(150000n)
    expect(draft.vatMinor).toBe(37500n)
    expect(draft.grossMinor).toBe(187500n)
    expect(draft.number).toBeNull()
  })

  test('a draft taxed by the buyer’s country reverse charges an EU business and nothing else changes', async () => {
    const world = await createWorld(storage())
    const german = await createContact(world.core, world.tenant, {
      name: 'Kunde GmbH',
      kind: 'company',
      address: { country: 'DE' },
    })

    const byCountry = await createInvoice(world.core, world.tenant, {
      contactId: german.contactId,
      lines: [{ productId: world.productId }, { description: 'Resa', unitPrice: '100', vatRatePercent: '6' }],
      taxByBuyerCountry: true,
    })
    const byProduct = await createInvoice(world.core, world.tenant, {
      contactId: german.contactId,
      lines: [{ productId: world.productId }],
    })

    expect(byCountry.lines[0]?.taxTreatment).toBe('reverse-charge')
    expect(byCountry.lines[1]?.vatRatePercent).toBe('6')
    expect(byCountry.vatMinor).toBe(600n)
    expect(byProduct.lines[0]?.taxTreatment).toBe('standard')
    expect(byProduct.vatMinor).toBe(25000n)
  })

  test('editing a draft replaces its lines and recomputes the totals', async () => {
    const world = await createWorld(storage())
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      lines: [{ productId: world.productId }],
    })

    const edited = await updateDraftInvoice(world.core, world.tenant, draft.invoiceId, {
      lines: [
        { description: 'Resa', unitPrice: '200.50', vatRatePercent: '6' },
        { productId: world.productId, quantity: 3 },
      ],
      documentDiscount: { percent: '10' },
    })

    expect(edited.lines).toHaveLength(2)
    expect(edited.version).toBe(2)
    expect(edited.documentDiscountMinor).toBe(32005n)
    expect(edited.netMinor).toBe(288045n)
    expect(edited.grossMinor).toBe(edited.netMinor + edited.vatMinor)
  })

  test('approving numbers the invoice, sets its reference and dates, and posts one balanced entry', async () => {
    const world = await createWorld(storage())

    const invoice = await approvedInvoice(world)

    expect(invoice.state).toBe('open')
    expect(invoice.number).toBe('1')
    expect(invoice.paymentReference).toMatch(/^\d+$/)
    expect(invoice.invoiceDate).toBe('2026-11-02')
    expect(invoice.dueDate).toBe('2026-12-02')
    const totals = await entryTotals(storage(), world.tenant.organizationId)
    expect(totals).toHaveLength(1)
    expect(BigInt(totals[0]!.debit)).toBe(250000n)
    expect(BigInt(totals[0]!.credit)).toBe(250000n)
    // One announcement each for the draft's creation and for its approval, nothing else.
    const outbox = await storage()
      .db.selectFrom('outbox')
      .select(['kind', 'payload'])
      .where('organization_id', '=', world.tenant.organizationId)
      .execute()
    expect(outbox.map((row) => [row.kind, JSON.parse(String(row.payload)).type]).sort()).toEqual([
      ['event.announce', 'invoice.approved'],
      ['event.announce', 'invoice.created'],
    ])
  })

  test('approving posts receivables, revenue and output VAT to the Swedish accounts', async () => {
    const world = await createWorld(storage())

    await approvedInvoice(world)

    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('1510')).toBe(250000n)
    expect(balances.get('3001')).toBe(-200000n)
    expect(balances.get('2611')).toBe(-50000n)
  })

  test('approvals take consecutive numbers of the series', async () => {
    const world = await createWorld(storage())

    const numbers = [
      (await approvedInvoice(world)).number,
      (await approvedInvoice(world)).number,
      (await approvedInvoice(world)).number,
    ]

    expect(numbers).toEqual(['1', '2', '3'])
  })

  test('approving twice is refused with wrong_state', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    await expectDomainError(approveInvoice(world.core, world.tenant, invoice.invoiceId), 'wrong_state')
  })

  test('an approved invoice cannot be edited or deleted', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    await expectDomainError(
      updateDraftInvoice(world.core, world.tenant, invoice.invoiceId, { notes: 'x' }),
      'wrong_state',
    )
    await expectDomainError(deleteDraftInvoice(world.core, world.tenant, invoice.invoiceId), 'wrong_state')
  })

  test('a partial payment leaves the invoice open with the rest owed', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    const result = await recordPayment(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      amountMinor: 100000n,
    })

    expect(result.invoice.state).toBe('open')
    expect(result.invoice.balanceMinor).toBe(150000n)
    expect(result.appliedMinor).toBe(100000n)
  })

  test('a full payment with a fee pays the invoice and posts the fee', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    const result = await recordPayment(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      amountMinor: 250000n,
      feeMinor: 500n,
    })

    expect(result.invoice.state).toBe('paid')
    expect(result.invoice.balanceMinor).toBe(0n)
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('1510')).toBe(0n)
    expect(balances.get('1930')).toBe(249500n)
    expect(balances.get('6570')).toBe(500n)
  })

  test('an overpayment pays the invoice and puts the rest on the contact balance', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    const result = await recordPayment(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      amountMinor: 260000n,
    })

    expect(result.invoice.state).toBe('paid')
    expect(result.overpaidMinor).toBe(10000n)
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('2420')).toBe(-10000n)
  })

  test('paying a draft is refused with wrong_state', async () => {
    const world = await createWorld(storage())
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      lines: [{ productId: world.productId }],
    })

    await expectDomainError(
      recordPayment(world.core, world.tenant, { invoiceId: draft.invoiceId, amountMinor: 100n }),
      'wrong_state',
    )
  })

  test('a full credit issues a numbered credit note and credits the invoice', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    const { creditNote, invoice: credited } = await creditInvoice(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      selection: { mode: 'full' },
    })

    expect(creditNote.kind).toBe('credit_note')
    expect(creditNote.number).toBe('1')
    expect(creditNote.grossMinor).toBe(250000n)
    expect(creditNote.creditedInvoiceId).toBe(invoice.invoiceId)
    expect(credited.state).toBe('credited')
    expect(credited.balanceMinor).toBe(0n)
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('1510')).toBe(0n)
    expect(balances.get('2611')).toBe(0n)
  })

  test('crediting an amount splits it over the VAT rates and leaves the rest open', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    const { creditNote, invoice: after } = await creditInvoice(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      selection: { mode: 'amount', amountMinor: 12500n },
    })

    expect(creditNote.grossMinor).toBe(12500n)
    expect(creditNote.vatMinor).toBe(2500n)
    expect(after.state).toBe('open')
    expect(after.balanceMinor).toBe(237500n)
  })

  test('crediting the remaining amount after a partial payment closes the invoice', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    await recordPayment(world.core, world.tenant, { invoiceId: invoice.invoiceId, amountMinor: 50000n })

    const { creditNote, invoice: after } = await creditInvoice(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      selection: { mode: 'remaining' },
    })

    expect(creditNote.grossMinor).toBe(200000n)
    expect(after.balanceMinor).toBe(0n)
    expect(after.state).toBe('credited')
  })

  test('crediting chosen lines credits their quantity only', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world, '4')

    const { creditNote } = await creditInvoice(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      selection: { mode: 'lines', lines: [{ lineNo: 1, quantity: '1' }] },
    })

    expect(creditNote.grossMinor).toBe(125000n)
    expect(creditNote.lines[0]?.creditedLineNo).toBe(1)
  })

  test('crediting a paid invoice moves the credit to the contact balance', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    await recordPayment(world.core, world.tenant, { invoiceId: invoice.invoiceId, amountMinor: 250000n })

    const result = await creditInvoice(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      selection: { mode: 'full' },
    })

    expect(result.toBalanceMinor).toBe(250000n)
    expect(result.invoice.balanceMinor).toBe(0n)
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('2420')).toBe(-250000n)
    expect(balances.get('1510')).toBe(0n)
  })

  test('crediting more than is left is refused with amount_exceeds_balance', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)

    await expectDomainError(
      creditInvoice(world.core, world.tenant, {
        invoiceId: invoice.invoiceId,
        selection: { mode: 'amount', amountMinor: 250001n },
      }),
      'amount_exceeds_balance',
      'amount',
    )
  })

  test('deleting a draft removes it and its case', async () => {
    const world = await createWorld(storage())
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      lines: [{ productId: world.productId }],
    })

    await deleteDraftInvoice(world.core, world.tenant, draft.invoiceId)

    await expectDomainError(getInvoice(world.core, world.tenant, draft.invoiceId), 'not_found')
    expect(await countRows(storage(), 'invoices', world.tenant.organizationId)).toBe(0)
  })

  test('bad line input is refused naming the field', async () => {
    const world = await createWorld(storage())

    await expectDomainError(
      createInvoice(world.core, world.tenant, {
        contactId: world.contactId,
        lines: [{ description: 'x', unitPrice: 'ten' }],
      }),
      'invalid_field',
      'lines.0.unitPrice',
    )
    await expectDomainError(
      createInvoice(world.core, world.tenant, { contactId: 'nobody', lines: [] }),
      'invalid_field',
      'contactId',
    )
    await expectDomainError(
      createInvoice(world.core, world.tenant, { contactId: world.contactId, currency: 'XXX', lines: [] }),
      'invalid_field',
      'currency',
    )
  })

  test('a failure in the middle of a payment leaves nothing half-written', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    const before = {
      payments: await countRows(storage(), 'payments', world.tenant.organizationId),
      entries: await countRows(storage(), 'journal_entries', world.tenant.organizationId),
    }

    // The cash account is checked by the posting rule, after the payment row and the invoice were written.
    await expectDomainError(
      recordPayment(world.core, world.tenant, {
        invoiceId: invoice.invoiceId,
        amountMinor: 1000n,
        cashAccountNumber: '9999',
      }),
      'invalid_field',
      'cashAccountNumber',
    )

    expect(await countRows(storage(), 'payments', world.tenant.organizationId)).toBe(before.payments)
    expect(await countRows(storage(), 'journal_entries', world.tenant.organizationId)).toBe(before.entries)
    expect((await getInvoice(world.core, world.tenant, invoice.invoiceId)).paidMinor).toBe(0n)
  })

  test('writing off what is left ends the invoice and takes back its VAT', async () => {
    const world = await createWorld(storage())
    const invoice = await approvedInvoice(world)
    await recordPayment(world.core, world.tenant, { invoiceId: invoice.invoiceId, amountMinor: 50000n })

    const written = await writeOffInvoice(world.core, world.tenant, { invoiceId: invoice.invoiceId })

    expect(written.state).toBe('written_off')
    expect(written.balanceMinor).toBe(0n)
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('1510')).toBe(0n)
    expect(balances.get('6352')).toBe(160000n)
    expect(balances.get('2611')).toBe(-10000n)
  })

  test('writing off a draft is refused with wrong_state', async () => {
    const world = await createWorld(storage())
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      lines: [{ productId: world.productId }],
    })

    await expectDomainError(
      writeOffInvoice(world.core, world.tenant, { invoiceId: draft.invoiceId }),
      'wrong_state',
    )
  })
})
