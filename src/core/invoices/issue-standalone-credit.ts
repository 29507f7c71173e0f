// Issues a draft credit note that credits no invoice, written with positive amounts as vendors that
// show credit notes positive write it (Billomat): its lines' quantities are negated into the core's
// stand-alone credit (a negative total, what the organization owes the customer), and it is
// approved, numbered in the credit-note series and posted as a negative receivable, in one
// transaction. It keeps its id; it is settled after by allocateCredit or payOutCredit.

import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice, InvoiceLine } from '../../domain/invoicing/invoice.ts'
import { formatDecimal, negateDecimal, parseDecimal } from '../../domain/money/decimal.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { organizationToday } from '../organizations/organization-today.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { approveInvoice } from './approve-invoice.ts'
import { CREDIT_NOTE_SERIES } from './credit-invoice.ts'
import { getInvoice } from './get-invoice.ts'
import { isStandaloneCredit } from './settle-standalone-credit.ts'
import { lineAsDraftInput, updateDraftInvoice } from './update-draft-invoice.ts'

/** The line with its quantity's sign turned; discounts follow the line's sign (totals.ts). */
function negatedLine(line: InvoiceLine) {
  const quantity = formatDecimal(negateDecimal(parseDecimal(line.quantity, 'quantity')))
  return { ...lineAsDraftInput(line), quantity }
}

export async function issueStandaloneCredit(
  context: CoreContext,
  tenant: Tenant,
  draftId: string,
  options: Readonly<{ seriesKey?: string }> = {},
): Promise<Invoice> {
  return inOneTransaction(context, async (unit) => {
    const draft = await getInvoice(unit, tenant, draftId)
    if (!isStandaloneCredit(draft) || draft.state !== 'draft')
      throw new DomainError(
        'wrong_state',
        'only a draft credit note that credits no invoice is issued this way',
        {
          state: draft.state,
        },
      )
    if (draft.lines.length === 0) throw invalidField('lines', 'a credit note needs at least one line')
    if (draft.grossMinor <= 0n)
      throw invalidField('lines', 'a credit note written positive must credit a positive amount')
    const creditDate = draft.invoiceDate ?? (await organizationToday(unit, tenant))
    await updateDraftInvoice(unit, tenant, draftId, {
      expectedVersion: draft.version,
      seriesKey: options.seriesKey ?? CREDIT_NOTE_SERIES,
      lines: draft.lines.map(negatedLine),
    })
    return approveInvoice(unit, tenant, draftId, { invoiceDate: creditDate, dueDate: creditDate })
  })
}
