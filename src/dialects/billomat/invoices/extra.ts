// The Billomat fields of a document or item that the core has no column for (title, label, intro,
// cash discount, references, an item's title and type, ...), kept in the `billomat` key of the
// core row's `extra` exactly as the client wrote them, as strings, so they render back unchanged.

import type { Invoice, InvoiceLine } from '../../../domain/invoicing/invoice.ts'

export type WireStrings = Readonly<Record<string, string>>

export function docExtraOf(invoice: Pick<Invoice, 'extra'>): WireStrings {
  return (invoice.extra.billomat ?? {}) as WireStrings
}

export function lineExtraOf(line: Pick<InvoiceLine, 'extra'>): WireStrings {
  return (line.extra.billomat ?? {}) as WireStrings
}

/** The stored fields with `changes` applied: a value replaces, null removes, undefined keeps. */
export function mergeStrings(
  current: WireStrings,
  changes: Readonly<Record<string, string | null | undefined>>,
): WireStrings {
  const merged: Record<string, string> = { ...current }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key]
    else if (value !== undefined) merged[key] = value
  }
  return merged
}

/** The item's own number within its document (the low part of its id). */
export function itemNoOf(line: Pick<InvoiceLine, 'extra' | 'lineNo'>): number {
  const stored = Number(lineExtraOf(line).item_no)
  return Number.isInteger(stored) && stored > 0 ? stored : line.lineNo
}
