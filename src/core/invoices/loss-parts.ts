// What a loss on an invoice is made of, for writing it off or writing it down: the part that is
// reminder fees and interest (no VAT in it, lost first) and the gross of the invoice as net plus
// VAT per rate, so the VAT inside the rest can be taken back in proportion.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { WriteOffPosting } from '../../domain/ledger/write-off-entry.ts'

export type LossSource = Pick<
  Invoice,
  'grossMinor' | 'netMinor' | 'vatMinor' | 'creditedMinor' | 'writtenOffMinor' | 'balanceMinor' | 'breakdown'
>

export type LossParts = Pick<WriteOffPosting, 'amountMinor' | 'feesMinor' | 'breakdown'>

export function lossPartsOf(invoice: LossSource, amountMinor: bigint): LossParts {
  const vat = invoice.breakdown
    .filter((group) => group.vatMinor > 0n)
    .map((group) => ({ vatRatePercent: group.vatRatePercent, vatMinor: group.vatMinor }))
  const principalOpenMinor = invoice.grossMinor - invoice.creditedMinor - invoice.writtenOffMinor
  const feesOpenMinor = invoice.balanceMinor - minOf(invoice.balanceMinor, principalOpenMinor)
  return {
    amountMinor,
    feesMinor: minOf(amountMinor, feesOpenMinor > 0n ? feesOpenMinor : 0n),
    ...(invoice.netMinor >= 0n && invoice.vatMinor >= 0n
      ? { breakdown: { netMinor: invoice.netMinor, vat } }
      : {}),
  }
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}
