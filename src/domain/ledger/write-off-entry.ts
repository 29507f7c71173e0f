// The posting rule for writing off a receivable as lost. The invariant it protects: exactly the
// amount written off leaves receivables, and the VAT inside it is taken back from output VAT per
// rate in proportion to the invoice's own VAT, so the VAT recovered never exceeds what was charged
// and no minor unit is gained or lost in the split. SE (konstaterad kundförlust), DK (tab på
// debitorer) and DE (Uneinbringlichkeit, § 17 UStG) all let the seller recover the VAT of a lost
// receivable this way.
// Dr bad debt (net part), Dr output VAT (VAT part, per rate), Cr receivables (the amount).

import { invalidField } from '../errors.ts'
import { allocate } from '../money/allocate.ts'
import { canonicalVatRatePercent } from './account.ts'
import { accountNumberForRole, type ChartOfAccounts } from './chart-of-accounts.ts'
import type { VatAmount } from './invoice-entry.ts'
import {
  composeMovingEntry,
  type EntryHeader,
  type JournalEntryDraft,
  type JournalLine,
} from './journal-entry.ts'

export type GrossBreakdown = Readonly<{ netMinor: bigint; vat: readonly VatAmount[] }>

export type WriteOffPosting = EntryHeader &
  Readonly<{
    invoiceId: string
    contactId: string
    /** The part of the receivable written off, VAT included. */
    amountMinor: bigint
    /** The invoice's gross as net plus VAT per rate; without it the whole amount goes to bad debt. */
    breakdown?: GrossBreakdown
    /** The part of the amount that is reminder fees or interest: no VAT in it, so it goes to bad debt whole. */
    feesMinor?: bigint
  }>

export function writeOffEntry(chart: ChartOfAccounts, writeOff: WriteOffPosting): JournalEntryDraft {
  if (writeOff.amountMinor <= 0n) throw invalidField('amountMinor', 'a write-off amount must be positive')
  const receivable: JournalLine = {
    accountNumber: accountNumberForRole(chart, 'receivables'),
    amountMinor: -writeOff.amountMinor,
    contactId: writeOff.contactId,
    invoiceId: writeOff.invoiceId,
  }
  const feesMinor = writeOff.feesMinor ?? 0n
  if (feesMinor < 0n || feesMinor > writeOff.amountMinor)
    throw invalidField('feesMinor', 'the fee part of a write-off lies between zero and the amount')
  const badDebt = accountNumberForRole(chart, 'badDebt')
  const principalMinor = writeOff.amountMinor - feesMinor
  const debits =
    principalMinor === 0n
      ? []
      : writeOff.breakdown === undefined
        ? [{ accountNumber: badDebt, amountMinor: principalMinor }]
        : splitByBreakdown(chart, principalMinor, writeOff.breakdown)
  const fees = feesMinor > 0n ? [{ accountNumber: badDebt, amountMinor: feesMinor }] : []
  return composeMovingEntry(writeOff, [...debits, ...fees, receivable])
}

/**
 * What writing off this amount would cost net of the VAT it takes back: the bad-debt part, the same
 * split writeOffEntry makes. A write-down provides for exactly this, since the VAT comes back when
 * the loss is final.
 */
export function lossNetOfVatMinor(
  writeOff: Pick<WriteOffPosting, 'amountMinor' | 'breakdown' | 'feesMinor'>,
): bigint {
  const feesMinor = writeOff.feesMinor ?? 0n
  const principalMinor = writeOff.amountMinor - feesMinor
  const breakdown = writeOff.breakdown
  if (principalMinor <= 0n || breakdown === undefined) return writeOff.amountMinor
  const weights = [breakdown.netMinor, ...breakdown.vat.map((amount) => amount.vatMinor)]
  if (weights.every((weight) => weight === 0n)) return writeOff.amountMinor
  return feesMinor + allocate(principalMinor, weights)[0]!
}

function splitByBreakdown(
  chart: ChartOfAccounts,
  amountMinor: bigint,
  breakdown: GrossBreakdown,
): JournalLine[] {
  const weights = [breakdown.netMinor, ...breakdown.vat.map((amount) => amount.vatMinor)]
  if (weights.some((weight) => weight < 0n)) {
    throw invalidField('breakdown', 'a write-off breakdown has no negative net or VAT amounts')
  }
  const grossMinor = weights.reduce((total, weight) => total + weight, 0n)
  if (amountMinor > grossMinor) {
    throw invalidField(
      'amountMinor',
      `a write-off of ${amountMinor} exceeds the invoice's gross of ${grossMinor}`,
    )
  }
  const [netPartMinor, ...vatPartsMinor] = allocate(amountMinor, weights)
  const vatLines = breakdown.vat.map((amount, index) => {
    const vatRatePercent = canonicalVatRatePercent(
      amount.vatRatePercent,
      `breakdown.vat[${index}].vatRatePercent`,
    )
    return {
      accountNumber: accountNumberForRole(chart, 'outputVat', vatRatePercent),
      amountMinor: vatPartsMinor[index]!,
      vatRatePercent,
    }
  })
  return [{ accountNumber: accountNumberForRole(chart, 'badDebt'), amountMinor: netPartMinor! }, ...vatLines]
}
