// An invoice's write-down (a provision for a claim feared lost), kept in its extra, and the rule
// that keeps the provision right while the claim changes: it never exceeds what the invoice could
// still lose net of VAT, so a payment, credit or write-off lowers it (posting the release), and it
// is released whole when the invoice stops being owed (paid, credited, written off, cancelled).
// saveLockedInvoice applies the rule to every lifecycle change of a written-down invoice.

import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { openBalanceMinor } from '../../domain/invoicing/lifecycle.ts'
import { writeDownEntry } from '../../domain/ledger/write-down-entry.ts'
import { lossNetOfVatMinor } from '../../domain/ledger/write-off-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import type { InvoiceChanges } from './lock-invoice.ts'
import { type LossSource, lossPartsOf } from './loss-parts.ts'

export type WriteDown = Readonly<{ amountMinor: bigint; on: string }>

export const WRITE_DOWN_SOURCE = 'write_down'

/** The states in which an invoice is still owed and a provision may stand. */
const OWED_STATES: readonly string[] = ['open', 'overdue', 'collection']

export function writeDownOf(extra: Readonly<Record<string, unknown>>): WriteDown | undefined {
  const stored = extra.writedown as { amountMinor?: unknown; on?: unknown } | undefined
  if (typeof stored !== 'object' || stored === null || typeof stored.amountMinor !== 'string')
    return undefined
  return { amountMinor: BigInt(stored.amountMinor), on: String(stored.on ?? '') }
}

/** The extra with the write-down set, or removed when it is undefined or nothing. */
export function withWriteDown(
  extra: Readonly<Record<string, unknown>>,
  writeDown: WriteDown | undefined,
): Record<string, unknown> {
  const { writedown: _old, ...rest } = extra
  if (!writeDown || writeDown.amountMinor <= 0n) return rest
  return { ...rest, writedown: { amountMinor: writeDown.amountMinor.toString(), on: writeDown.on } }
}

/** What a write-down of the invoice provides for now: its open balance, net of VAT. */
export function provisionMinorOf(invoice: LossSource): bigint {
  if (invoice.balanceMinor <= 0n) return 0n
  return lossNetOfVatMinor(lossPartsOf(invoice, invoice.balanceMinor))
}

type Changes = InvoiceChanges

/**
 * The changes to save, with the write-down lowered to what the changed invoice can still lose,
 * and the release of the difference posted. Changes that write the extra without a write-down
 * (its reversal) are left as they are.
 */
export async function keepWriteDownWithin(
  tx: Tx,
  organizationId: string,
  invoice: Invoice,
  changes: Changes,
  now: string,
): Promise<Changes> {
  const extra =
    changes.extra === undefined ? invoice.extra : (JSON.parse(changes.extra) as Record<string, unknown>)
  const current = writeDownOf(extra)
  if (!current) return changes
  const after = afterChanges(invoice, changes)
  const target = OWED_STATES.includes(after.state) ? minOf(current.amountMinor, provisionMinorOf(after)) : 0n
  if (target >= current.amountMinor) return changes
  await postRelease(tx, organizationId, invoice, current.amountMinor - target, now)
  return { ...changes, extra: JSON.stringify(withWriteDown(extra, { ...current, amountMinor: target })) }
}

function afterChanges(invoice: Invoice, changes: Changes) {
  const amounts = {
    grossMinor: invoice.grossMinor,
    feesMinor: changes.fees_minor ?? invoice.feesMinor,
    paidMinor: changes.paid_minor ?? invoice.paidMinor,
    creditedMinor: changes.credited_minor ?? invoice.creditedMinor,
    writtenOffMinor: changes.written_off_minor ?? invoice.writtenOffMinor,
  }
  return {
    ...invoice,
    ...amounts,
    state: changes.state ?? invoice.state,
    balanceMinor: openBalanceMinor(amounts),
  }
}

/** Posts the release of part (or all) of a write-down, dated the organization's today. */
export async function postRelease(
  tx: Tx,
  organizationId: string,
  invoice: Pick<Invoice, 'invoiceId' | 'number' | 'currency'>,
  amountMinor: bigint,
  now: string,
): Promise<void> {
  const organization = await tx
    .selectFrom('organizations')
    .select('clock_offset_days')
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow()
  const entryDate = new Date(Date.parse(now) + organization.clock_offset_days * 86_400_000)
    .toISOString()
    .slice(0, 10)
  const chart = await loadChart(tx, organizationId)
  const entry = writeDownEntry(chart, {
    entryDate,
    description: `Write-down of invoice ${invoice.number} released`,
    currency: invoice.currency as CurrencyCode,
    amountMinor,
    direction: 'release',
  })
  await postEntry(tx, organizationId, entry, { type: WRITE_DOWN_SOURCE, id: invoice.invoiceId }, now)
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}
