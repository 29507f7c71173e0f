// Proves, over random sequences of use cases on both engines, that every journal entry balances,
// the trial balance stays zero, and each invoice's balance is its total less what was paid,
// credited and written off, while receivables per invoice agree with that balance, and the
// write-down allowance holds exactly the invoices' provisions, each within what its invoice can
// still lose.

import fc from 'fast-check'
import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { creditInvoice } from '../../src/core/invoices/credit-invoice.ts'
import { loadInvoice } from '../../src/core/invoices/invoice-record.ts'
import { provisionMinorOf, writeDownOf } from '../../src/core/invoices/write-down.ts'
import { revertWriteDown, writeDownInvoice } from '../../src/core/invoices/write-down-invoice.ts'
import { writeOffInvoice } from '../../src/core/invoices/write-off-invoice.ts'
import { recordPayment } from '../../src/core/payments/record-payment.ts'
import { DomainError } from '../../src/domain/errors.ts'
import type { Storage } from '../../src/storage/database.ts'
import { createWorld, entryTotals, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

type Step =
  | { kind: 'create'; quantity: number; unitPriceCents: number; vatRate: '25' | '12' | '6' | '0' }
  | { kind: 'approve'; pick: number }
  | { kind: 'pay'; pick: number; amountMinor: number; feeMinor: number }
  | { kind: 'creditAmount'; pick: number; amountMinor: number }
  | { kind: 'creditRemaining'; pick: number }
  | { kind: 'creditFull'; pick: number }
  | { kind: 'writeDown' | 'revertWriteDown'; pick: number }
  | { kind: 'writeOff'; pick: number; amountMinor: number }

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    quantity: fc.integer({ min: 1, max: 7 }),
    unitPriceCents: fc.integer({ min: 1, max: 500_000 }),
    vatRate: fc.constantFrom('25' as const, '12' as const, '6' as const, '0' as const),
  }),
  fc.record({ kind: fc.constant('approve' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('pay' as const),
    pick: fc.nat(),
    amountMinor: fc.integer({ min: 1, max: 4_000_000 }),
    feeMinor: fc.integer({ min: 0, max: 300 }),
  }),
  fc.record({
    kind: fc.constant('creditAmount' as const),
    pick: fc.nat(),
    amountMinor: fc.integer({ min: 1, max: 2_000_000 }),
  }),
  fc.record({ kind: fc.constant('creditRemaining' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('creditFull' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constantFrom('writeDown' as const, 'revertWriteDown' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('writeOff' as const),
    pick: fc.nat(),
    amountMinor: fc.integer({ min: 1, max: 2_000_000 }),
  }),
)

async function run(world: World, invoiceIds: string[], step: Step): Promise<void> {
  const pick = (index: number) => invoiceIds[index % Math.max(invoiceIds.length, 1)]
  const { core, tenant } = world
  if (step.kind === 'create') {
    const unitPrice = (step.unitPriceCents / 100).toFixed(2)
    const invoice = await createInvoice(core, tenant, {
      contactId: world.contactId,
      lines: [
        { description: 'Vara', quantity: step.quantity, unitPrice, vatRatePercent: step.vatRate },
        { productId: world.productId },
      ],
    })
    invoiceIds.push(invoice.invoiceId)
    return
  }
  const invoiceId = pick(step.pick)
  if (!invoiceId) return
  if (step.kind === 'approve') await approveInvoice(core, tenant, invoiceId)
  if (step.kind === 'pay')
    await recordPayment(core, tenant, {
      invoiceId,
      amountMinor: BigInt(step.amountMinor + step.feeMinor + 1),
      feeMinor: BigInt(step.feeMinor),
    })
  if (step.kind === 'creditAmount')
    await creditInvoice(core, tenant, {
      invoiceId,
      selection: { mode: 'amount', amountMinor: BigInt(step.amountMinor) },
    })
  if (step.kind === 'creditRemaining')
    await creditInvoice(core, tenant, { invoiceId, selection: { mode: 'remaining' } })
  if (step.kind === 'creditFull')
    await creditInvoice(core, tenant, { invoiceId, selection: { mode: 'full' } })
  if (step.kind === 'writeDown') await writeDownInvoice(core, tenant, invoiceId)
  if (step.kind === 'revertWriteDown') await revertWriteDown(core, tenant, invoiceId)
  if (step.kind === 'writeOff')
    await writeOffInvoice(core, tenant, { invoiceId, amountMinor: BigInt(step.amountMinor) })
}

async function checkInvariants(storage: Storage, world: World, invoiceIds: readonly string[]): Promise<void> {
  const org = world.tenant.organizationId
  for (const entry of await entryTotals(storage, org)) expect(BigInt(entry.debit)).toBe(BigInt(entry.credit))
  const trial = await storage.db
    .selectFrom('journal_lines')
    .select(sql<bigint>`coalesce(sum(debit_minor) - sum(credit_minor), 0)`.as('net'))
    .where('organization_id', '=', org)
    .executeTakeFirstOrThrow()
  expect(BigInt(trial.net)).toBe(0n)
  let provisionsMinor = 0n
  for (const invoiceId of invoiceIds) {
    const invoice = await loadInvoice(storage.db, org, invoiceId)
    if (!invoice) continue
    const writeDown = writeDownOf(invoice.extra)?.amountMinor ?? 0n
    expect(writeDown <= provisionMinorOf(invoice)).toBe(true)
    if (!['open', 'overdue', 'collection'].includes(invoice.state)) expect(writeDown).toBe(0n)
    provisionsMinor += writeDown
    expect(invoice.balanceMinor).toBe(
      invoice.grossMinor +
        invoice.feesMinor -
        invoice.paidMinor -
        invoice.creditedMinor -
        invoice.writtenOffMinor,
    )
    expect(invoice.balanceMinor >= 0n).toBe(true)
    const receivable = await storage.db
      .selectFrom('journal_lines')
      .select(sql<bigint>`coalesce(sum(debit_minor) - sum(credit_minor), 0)`.as('open'))
      .where('organization_id', '=', org)
      .where('invoice_id', '=', invoiceId)
      .executeTakeFirstOrThrow()
    expect(BigInt(receivable.open)).toBe(invoice.state === 'draft' ? 0n : invoice.balanceMinor)
  }
  const allowance = await storage.db
    .selectFrom('journal_lines')
    .select(sql<bigint>`coalesce(sum(debit_minor) - sum(credit_minor), 0)`.as('held'))
    .where('organization_id', '=', org)
    .where('account_number', '=', '1519')
    .executeTakeFirstOrThrow()
  expect(BigInt(allowance.held)).toBe(-provisionsMinor)
}

describeEachEngine('ledger properties', ({ storage }) => {
  test('random sequences of use cases keep the ledger balanced and invoice balances true', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 14 }), async (steps) => {
        const world = await createWorld(storage())
        const invoiceIds: string[] = []
        for (const step of steps) {
          try {
            await run(world, invoiceIds, step)
          } catch (error) {
            // Refusals (paying a draft, crediting too much) are part of the sequence; bugs are not.
            if (!(error instanceof DomainError)) throw error
          }
          await checkInvariants(storage(), world, invoiceIds)
        }
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})
