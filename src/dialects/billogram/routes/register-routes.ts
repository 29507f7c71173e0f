// Every route of the dialect, and a 405 METHOD_NOT_ALLOWED for each other method on a known path
// (PY and PHP map any 405 to RequestFormError; an unknown path is a 404 NOT_FOUND instead).

import type { FastifyInstance, HTTPMethods } from 'fastify'
import type { AppServices } from '../../../http/server.ts'
import { BillogramWireError } from '../errors.ts'
import { registerBillingTabRoutes } from './billing-tab.ts'
import { registerBillogramRoutes } from './billogram.ts'
import { registerBillogramCommandRoutes } from './billogram-commands.ts'
import { registerBillogramEventRoutes } from './billogram-event.ts'
import { registerCustomerRoutes } from './customer.ts'
import { registerItemRoutes } from './item.ts'
import { registerOfferRoutes } from './offer.ts'
import { registerOpenApiRoute } from './openapi.ts'
import { PATHS } from './paths.ts'
import { registerReportRoutes } from './report.ts'
import { registerSettingsRoutes } from './settings.ts'

const METHODS: readonly HTTPMethods[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']

function refuseOtherMethods(app: FastifyInstance): void {
  for (const [path, allowed] of Object.entries(PATHS)) {
    const others = METHODS.filter((method) => !allowed.includes(method))
    app.route({
      method: others,
      url: path,
      handler: async (request) => {
        throw new BillogramWireError(
          'METHOD_NOT_ALLOWED',
          `${request.method} is not allowed here; use ${allowed.join(' or ')}`,
        )
      },
    })
  }
}

export function registerRoutes(app: FastifyInstance, services: AppServices): void {
  registerCustomerRoutes(app, services.core)
  registerItemRoutes(app, services.core)
  const wire = { publicBaseUrl: services.config.publicBaseUrl }
  registerBillogramRoutes(app, services.core, wire)
  registerBillogramCommandRoutes(app, services.core, wire)
  registerBillogramEventRoutes(app, services.core)
  registerSettingsRoutes(app, services.core)
  registerBillingTabRoutes(app, services.core, wire)
  registerOfferRoutes(app, services.core)
  registerReportRoutes(app, services.core)
  registerOpenApiRoute(app, services.config.publicBaseUrl)
  refuseOtherMethods(app)
}
