// Proves, over random amounts, that every posting rule balances, reversal is an involution, and a
// ledger built from the rules has a trial balance that sums to zero.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CHARTS } from './default-chart.ts'
import { feeEntry } from './fee-entry.ts'
import { creditNoteEntry, invoiceEntry } from './invoice-entry.ts'
import { isBalanced, type JournalEntryDraft, reverseEntry } from './journal-entry.ts'
import { balanceApplicationEntry, paymentEntry } from './payment-entry.ts'
import { trialBalance } from './trial-balance.ts'
import { writeOffEntry } from './write-off-entry.ts'

const header = { entryDate: '2024-06-30', description: 'property', currency: 'EUR', contactId: 'c' } as const
const RATES = ['25', '19', '12', '7', '6', '0'] as const

const chart = fc.constantFrom(...DEFAULT_CHARTS.map((defaultChart) => defaultChart.accounts))
const amountMinor = fc.bigInt({ min: 1n, max: 10n ** 12n })
const signedMinor = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n })
const rate = fc.constantFrom(...RATES)

const invoice = fc.record({
  revenue: fc.array(fc.record({ netMinor: signedMinor, vatRatePercent: rate }), { maxLength: 8 }),
  vat: fc.array(fc.record({ vatRatePercent: rate, vatMinor: signedMinor }), { maxLength: 4 }),
  roundingMinor: fc.bigInt({ min: -99n, max: 99n }),
})

const payment = fc
  .tuple(
    amountMinor,
    fc.array(fc.bigInt({ min: 1n, max: 1000n }), { maxLength: 5 }),
    fc.bigInt({ min: 0n, max: 999n }),
  )
  .map(([paidMinor, weights, feePermille]) => {
    // Applications take at most the whole payment; the rest is an overpayment.
    const applications = weights.map((weight, index) => ({
      invoiceId: `i${index}`,
      amountMinor: (paidMinor * weight) / 5000n,
    }))
    return {
      amountMinor: paidMinor,
      feeMinor: (paidMinor * feePermille) / 1000n,
      applications: applications.filter((application) => application.amountMinor > 0n),
    }
  })

const writeOff = fc
  .tuple(
    fc.bigInt({ min: 0n, max: 10n ** 9n }),
    fc.array(fc.tuple(rate, fc.bigInt({ min: 0n, max: 10n ** 8n })), { maxLength: 3 }),
  )
  .filter(([netMinor, vat]) => netMinor + vat.reduce((total, [, vatMinor]) => total + vatMinor, 0n) > 0n)
  .chain(([netMinor, vat]) => {
    const grossMinor = netMinor + vat.reduce((total, [, vatMinor]) => total + vatMinor, 0n)
    return fc.record({
      amountMinor: fc.bigInt({ min: 1n, max: grossMinor }),
      breakdown: fc.constant({
        netMinor,
        vat: vat.map(([vatRatePercent, vatMinor]) => ({ vatRatePercent, vatMinor })),
      }),
    })
  })

/** Every rule, fed one random input each; null entries (nothing to post) are left out. */
const ruleOutputs = fc
  .tuple(chart, invoice, payment, writeOff, amountMinor, fc.constantFrom('reminderFee', 'interest' as const))
  .map(([accounts, invoiceAmounts, paymentAmounts, writeOffAmounts, feeMinor, feeKind]) => {
    const entries = [
      invoiceEntry(accounts, { ...header, invoiceId: 'i0', ...invoiceAmounts }),
      creditNoteEntry(accounts, { ...header, invoiceId: 'i0', ...invoiceAmounts }),
      paymentEntry(accounts, { ...header, ...paymentAmounts }),
      balanceApplicationEntry(accounts, { ...header, invoiceId: 'i1', amountMinor: feeMinor }),
      writeOffEntry(accounts, { ...header, invoiceId: 'i2', ...writeOffAmounts }),
      writeOffEntry(accounts, { ...header, invoiceId: 'i2', amountMinor: writeOffAmounts.amountMinor }),
      feeEntry(accounts, { ...header, kind: feeKind, invoiceId: 'i3', amountMinor: feeMinor }),
    ]
    return entries.filter((entry): entry is JournalEntryDraft => entry !== null)
  })

describe('posting rules, over random amounts', () => {
  it('each rule posts one balanced entry', () => {
    fc.assert(
      fc.property(ruleOutputs, (entries) => {
        expect(entries.every((entry) => isBalanced(entry.lines))).toBe(true)
      }),
    )
  })

  it('a write-off moves exactly its amount out of receivables', () => {
    fc.assert(
      fc.property(chart, writeOff, (accounts, amounts) => {
        const entry = writeOffEntry(accounts, { ...header, invoiceId: 'i', ...amounts })

        const credited = entry.lines.filter((line) => line.amountMinor < 0n)

        expect(credited).toHaveLength(1)
        expect(credited[0]?.amountMinor).toBe(-amounts.amountMinor)
      }),
    )
  })

  it('reversing a reversal gives back the original entry', () => {
    fc.assert(
      fc.property(ruleOutputs, (entries) => {
        for (const entry of entries) {
          const twice = reverseEntry(
            reverseEntry(entry, '2024-07-01', 'reversal'),
            entry.entryDate,
            entry.description,
          )

          expect(twice).toEqual(entry)
        }
      }),
    )
  })

  it('the trial balance of everything posted sums to zero', () => {
    fc.assert(
      fc.property(fc.array(ruleOutputs, { maxLength: 5 }), (batches) => {
        const lines = batches.flat().flatMap((entry) => entry.lines)

        const balance = trialBalance(lines)

        expect(balance.debitTotalMinor).toBe(balance.creditTotalMinor)
        expect(balance.rows.reduce((total, row) => total + row.balanceMinor, 0n)).toBe(0n)
      }),
    )
  })
})
