// Proves stand-alone credit invoices: approving one posts a negative receivable, allocating it
// moves receivables between the credit and a debit invoice of the same customer, paying it out
// takes the rest from the bank, and every amount beyond what either side has left is refused.

import { expect, test } from 'vitest'
import { runCaseCommand } from '../../src/core/cases/run-case-command.ts'
import { createCase } from '../../src/core/cases/save-case.ts'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { markOverdueInvoices } from '../../src/core/invoices/mark-overdue.ts'
import { allocateCredit, payOutCredit } from '../../src/core/invoices/settle-standalone-credit.ts'
import { accountBalances, createWorld, entryTotals, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

async function issued(world: World, unitPrice: string, contactId = world.contactId) {
  const created = await createCase(world.core, world.tenant, {
    draft: { contactId, lines: [{ description: 'Rad', unitPrice, vatRatePercent: '25' }] },
    standaloneCredit: unitPrice.startsWith('-'),
  })
  const details = await runCaseCommand(world.core, world.tenant, created.caseId, { type: 'issue' })
  return details.invoices[0]?.invoiceId as string
}

/** The refusal a use case raised, or undefined when it succeeded. */
function refusal(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (error: unknown) => error,
  )
}

async function invoiceRow(world: World, invoiceId: string) {
  return world.core.storage.db
    .selectFrom('invoices')
    .select(['state', 'gross_minor', 'paid_minor', 'credited_minor'])
    .where('organization_id', '=', world.tenant.organizationId)
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirstOrThrow()
}

describeEachEngine('stand-alone credits', ({ storage }) => {
  test('an approved credit owes the customer: negative receivable, revenue and VAT taken back', async () => {
    const world = await createWorld(storage())

    const credit = await issued(world, '-800')

    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(await invoiceRow(world, credit)).toMatchObject({ state: 'open', gross_minor: -100000n })
    expect(balances.get('1510')).toBe(-100000n)
    expect(balances.get('3001')).toBe(80000n)
    expect(balances.get('2611')).toBe(20000n)
  })

  test('allocation settles both sides by the amount; the rest is paid out from the bank', async () => {
    const world = await createWorld(storage())
    const debit = await issued(world, '400')
    const credit = await issued(world, '-800')

    await allocateCredit(world.core, world.tenant, {
      creditInvoiceId: credit,
      debitInvoiceId: debit,
      amountMinor: 30000n,
    })
    const paidOut = await payOutCredit(world.core, world.tenant, { creditInvoiceId: credit })

    expect(paidOut).toBe(70000n)
    expect(await invoiceRow(world, debit)).toMatchObject({ state: 'open', credited_minor: 30000n })
    expect(await invoiceRow(world, credit)).toMatchObject({ state: 'paid', paid_minor: -100000n })
    const balances = await accountBalances(storage(), world.tenant.organizationId)
    expect(balances.get('1510')).toBe(50000n - 30000n)
    expect(balances.get('1930')).toBe(-70000n)
    for (const entry of await entryTotals(storage(), world.tenant.organizationId))
      expect(entry.debit).toBe(entry.credit)
  })

  test('more than the credit has left, or than the invoice owes, is refused', async () => {
    const world = await createWorld(storage())
    const small = await issued(world, '100')
    const large = await issued(world, '2000')
    const credit = await issued(world, '-800')

    const beyondDebt = await refusal(
      allocateCredit(world.core, world.tenant, {
        creditInvoiceId: credit,
        debitInvoiceId: small,
        amountMinor: 12501n,
      }),
    )
    const beyondCredit = await refusal(
      allocateCredit(world.core, world.tenant, {
        creditInvoiceId: credit,
        debitInvoiceId: large,
        amountMinor: 100001n,
      }),
    )
    const payoutTooLarge = await refusal(
      payOutCredit(world.core, world.tenant, {
        creditInvoiceId: credit,
        amountMinor: 100001n,
      }),
    )

    expect(beyondDebt).toMatchObject({ code: 'amount_exceeds_balance' })
    expect(beyondCredit).toMatchObject({ code: 'amount_exceeds_balance' })
    expect(payoutTooLarge).toMatchObject({ code: 'amount_exceeds_balance' })
    expect(await invoiceRow(world, credit)).toMatchObject({ state: 'open', paid_minor: 0n })
  })

  test("another customer's invoice, a debit invoice as source and a draft credit are refused", async () => {
    const world = await createWorld(storage())
    const other = await createContact(world.core, world.tenant, { name: 'Annan AB' })
    const foreign = await issued(world, '400', other.contactId)
    const debit = await issued(world, '400')
    const credit = await issued(world, '-800')
    const draft = await createCase(world.core, world.tenant, {
      draft: {
        contactId: world.contactId,
        lines: [{ description: 'R', unitPrice: '-5', vatRatePercent: '25' }],
      },
      standaloneCredit: true,
    })

    const toForeign = await refusal(
      allocateCredit(world.core, world.tenant, {
        creditInvoiceId: credit,
        debitInvoiceId: foreign,
        amountMinor: 100n,
      }),
    )
    const fromDebit = await refusal(
      allocateCredit(world.core, world.tenant, {
        creditInvoiceId: debit,
        debitInvoiceId: foreign,
        amountMinor: 100n,
      }),
    )
    const fromDraft = await refusal(
      payOutCredit(world.core, world.tenant, {
        creditInvoiceId: draft.invoices[0]?.invoiceId as string,
      }),
    )

    expect(toForeign).toMatchObject({ code: 'invalid_field', details: { field: 'sourceId' } })
    expect(fromDebit).toMatchObject({ code: 'invalid_field', details: { field: 'sourceId' } })
    expect(fromDraft).toMatchObject({ code: 'wrong_state' })
  })

  test('an open credit past its due date never becomes overdue', async () => {
    const world = await createWorld(storage())
    const credit = await issued(world, '-800')
    await storage()
      .db.updateTable('invoices')
      .set({ due_date: '2020-01-01' })
      .where('organization_id', '=', world.tenant.organizationId)
      .where('invoice_id', '=', credit)
      .execute()

    await markOverdueInvoices(world.core, world.tenant)

    expect((await invoiceRow(world, credit)).state).toBe('open')
  })
})
