// The document a new one is made from (appendix: an invoice's or a delivery note's offer_id and
// confirmation_id, a confirmation's offer_id): the confirmation when one is named, else the offer.
// A new document given no items of its own takes the source's items: every one but an offer's
// optional items the customer did not choose (an optional item is offered, not ordered).

import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { DraftLineInput } from '../../../core/invoices/resolve-draft.ts'
import { getSalesDocumentBySeq } from '../../../core/sales/get-sales-document.ts'
import type { SalesLineInput } from '../../../core/sales/resolve-sales-draft.ts'
import type { SalesDocument, SalesLine } from '../../../domain/sales/sales-document.ts'
import { lineExtraOf, mergeStrings } from '../invoices/extra.ts'
import { lineAsInput } from '../invoices/items-wire.ts'
import type { WireObject } from '../wire/body.ts'
import { readId } from '../wire/read.ts'

/** An item's `optional` element (kept with its other fields) as the core's optional line. */
export function asSalesLine(line: DraftLineInput): SalesLineInput {
  return lineExtraOf({ extra: line.extra ?? {} }).optional === '1' ? { ...line, optional: true } : line
}

/** The source's lines a document made from it takes. */
export function takenLines(source: SalesDocument): SalesLine[] {
  return source.lines.filter((line) => !line.optional || line.chosen)
}

/** The source's items a document made from it takes, none of them optional any more. */
export function linesTakenFrom(source: SalesDocument): DraftLineInput[] {
  return takenLines(source).map((line) => {
    const input = lineAsInput(line)
    const billomat = mergeStrings(lineExtraOf(line), { optional: null })
    return { ...input, extra: { ...line.extra, billomat } }
  })
}

export async function salesSourceOf(
  core: CoreContext,
  t: Tenant,
  body: WireObject,
  fromConfirmation: boolean,
): Promise<SalesDocument | undefined> {
  const confirmationId = fromConfirmation ? readId(body, 'confirmation_id') : undefined
  if (confirmationId !== undefined)
    return getSalesDocumentBySeq(core, t, 'confirmation', confirmationId, 'confirmation_id')
  const offerId = readId(body, 'offer_id')
  return offerId === undefined ? undefined : getSalesDocumentBySeq(core, t, 'offer', offerId, 'offer_id')
}
