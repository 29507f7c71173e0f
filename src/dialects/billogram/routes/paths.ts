// Every path of the dialect and the methods it answers, for the 405s and the OpenAPI document.

import type { HTTPMethods } from 'fastify'

/** Paths and the methods they answer; the rest get 405. */
export const PATHS: Readonly<Record<string, readonly HTTPMethods[]>> = {
  '/customer': ['GET', 'POST'],
  '/customer/:customer_no': ['GET', 'PUT'],
  '/item': ['GET', 'POST'],
  '/item/:item_no': ['GET', 'PUT', 'DELETE'],
  '/billogram': ['GET', 'POST'],
  '/billogram/:id': ['GET', 'PUT', 'DELETE'],
  '/billogram/:id/command/:command': ['POST'],
  '/billogram/:id/attachment.pdf': ['GET'],
  '/billogram/:id/offer': ['GET', 'POST'],
  '/billogram/:id/offer/:offer_id': ['GET'],
  '/billogram_event': ['GET'],
  '/report': ['GET'],
  '/report/:filename': ['GET'],
  '/settings': ['GET', 'PUT'],
  '/logotype': ['GET', 'PUT', 'POST'],
  '/openapi.json': ['GET'],
  '/customer/:customer_no/billing-tab': ['GET', 'DELETE'],
  '/customer/:customer_no/billing-tab/items': ['POST'],
  '/customer/:customer_no/billing-tab/empty': ['POST'],
  '/customer/:customer_no/billing-tab/item/:billing_tab_item_id': ['GET', 'DELETE'],
  '/customer/:customer_no/billing-tab/settings': ['GET', 'PUT', 'POST', 'DELETE'],
  '/customer/:customer_no/billing-tab/:billing_tab_id': ['GET', 'DELETE'],
}
