// The document a new one is made from (appendix: an invoice's or a delivery note's offer_id and
// confirmation_id, a confirmation's offer_id): the confirmation when one is named, else the offer.
// A new document given no items of its own takes the source's items.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getSalesDocumentBySeq } from '../../../core/sales/get-sales-document.ts'
import type { SalesDocument } from '../../../domain/sales/sales-document.ts'
import type { WireObject } from '../wire/body.ts'
import { readId } from '../wire/read.ts'

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
