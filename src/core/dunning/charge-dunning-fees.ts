// Posts what a dunning step charges (a reminder fee, the business compensation, interest) as fee
// entries on the invoice's receivable: Dr receivables, Cr reminder-fee revenue or interest income.
// The invariant it protects: what the step adds to the invoice's fees is exactly what it posts.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { type FeeKind, feeEntry } from '../../domain/ledger/fee-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'

export type DunningCharge = Readonly<{ kind: FeeKind; amountMinor: bigint; description: string }>

/** Posts each positive charge and returns their sum, which the caller adds to the invoice's fees. */
export async function chargeDunningFees(
  tx: Tx,
  organizationId: string,
  invoice: Invoice,
  entryDate: string,
  charges: readonly DunningCharge[],
  now: string,
): Promise<bigint> {
  const positive = charges.filter((charge) => charge.amountMinor > 0n)
  if (positive.length === 0) return 0n
  const chart = await loadChart(tx, organizationId)
  let totalMinor = 0n
  for (const charge of positive) {
    const entry = feeEntry(chart, {
      entryDate,
      description: `${charge.description}, invoice ${invoice.number ?? invoice.invoiceSeq}`,
      currency: invoice.currency as CurrencyCode,
      kind: charge.kind,
      invoiceId: invoice.invoiceId,
      contactId: invoice.contactId,
      amountMinor: charge.amountMinor,
    })
    await postEntry(tx, organizationId, entry, { type: `dunning_${charge.kind}`, id: invoice.invoiceId }, now)
    totalMinor += charge.amountMinor
  }
  return totalMinor
}
