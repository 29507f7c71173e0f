// Billomat shows every credit note with positive amounts. A completed credit note that credits no
// invoice is the core's stand-alone credit, held with a negative total (what the organization owes
// the customer; issue-standalone-credit.ts negates its lines at completion), so its amounts are
// turned back here, before anything renders it: the document, its items and its PDF.

import { isStandaloneCredit } from '../../../core/invoices/settle-standalone-credit.ts'
import type { Invoice, InvoiceLine } from '../../../domain/invoicing/invoice.ts'
import { formatDecimal, negateDecimal, parseDecimal } from '../../../domain/money/decimal.ts'

function shownLine(line: InvoiceLine): InvoiceLine {
  return {
    ...line,
    quantity: formatDecimal(negateDecimal(parseDecimal(line.quantity, 'quantity'))),
    netMinor: -line.netMinor,
    vatMinor: -line.vatMinor,
    grossMinor: -line.grossMinor,
    discountMinor: -line.discountMinor,
  }
}

export function asShown(document: Invoice): Invoice {
  if (!isStandaloneCredit(document) || document.state === 'draft' || document.grossMinor >= 0n)
    return document
  return {
    ...document,
    netMinor: -document.netMinor,
    vatMinor: -document.vatMinor,
    grossMinor: -document.grossMinor,
    paidMinor: -document.paidMinor,
    balanceMinor: -document.balanceMinor,
    unreducedNetMinor: -document.unreducedNetMinor,
    unreducedGrossMinor: -document.unreducedGrossMinor,
    documentDiscountMinor: -document.documentDiscountMinor,
    breakdown: document.breakdown.map((group) => ({
      ...group,
      netMinor: -group.netMinor,
      vatMinor: -group.vatMinor,
      grossMinor: -group.grossMinor,
    })),
    lines: document.lines.map(shownLine),
  }
}
