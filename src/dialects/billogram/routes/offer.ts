// /billogram/{id}/offer: the banner and sale offers attached to a billogram, shown on its recipient
// page (/i/{token}) once it is attested. A sale the recipient accepts there is billed at once as a
// new invoice of the case (event SaleAccepted).

import type { FastifyInstance } from 'fastify'
import { primaryInvoiceOf } from '../../../core/cases/case-details.ts'
import { attachOffer } from '../../../core/cases/offers.ts'
import type { CoreContext } from '../../../core/context.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { BillogramWireError, withWireFields } from '../errors.ts'
import { ok, okList } from '../wire/envelope.ts'
import { OFFER_FIELD_NAMES, offerFromWire, offerToWire } from '../wire/offer.ts'
import { objectBody } from '../wire/strict-body.ts'
import { billogramById } from './billogram-lookup.ts'

type ById = { Params: { id: string }; Body: unknown }
type ByOffer = { Params: { id: string; offer_id: string } }

export function registerOfferRoutes(app: FastifyInstance, core: CoreContext): void {
  app.get<ById>('/billogram/:id/offer', async (request) => {
    const details = await billogramById(core, tenantOf(request), request.params.id)
    const offers = details.extra.offers ?? []
    return okList(offers.map(offerToWire), offers.length)
  })

  app.get<ByOffer>('/billogram/:id/offer/:offer_id', async (request) => {
    const { id, offer_id: offerId } = request.params
    const details = await billogramById(core, tenantOf(request), id)
    const offer = (details.extra.offers ?? []).find(
      (candidate) => candidate.offerId.toLowerCase() === offerId.toLowerCase(),
    )
    if (!offer)
      throw new BillogramWireError('NOT_FOUND', `billogram ${id} has no offer ${offerId}`, ['offer_id'])
    return ok(offerToWire(offer))
  })

  app.post<ById>('/billogram/:id/offer', async (request) => {
    const tenant = tenantOf(request)
    const input = offerFromWire(objectBody(request.body))
    const details = await billogramById(core, tenant, request.params.id)
    if (primaryInvoiceOf(details)?.state === 'deleted')
      throw new BillogramWireError('INVALID_OBJECT_STATE', 'a deleted billogram takes no offers')
    const offer = await withWireFields(OFFER_FIELD_NAMES, () =>
      attachOffer(core, tenant, details.caseId, input),
    )
    return ok(offerToWire(offer))
  })
}
