// Every Billomat resource the dialect answers, registered in one place.

import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../http/server.ts'
import { documentItemRoutes } from './document-items.ts'
import { invoiceActionRoutes } from './invoice-actions.ts'
import { invoicePaymentRoutes } from './invoice-payments.ts'
import { invoiceRoutes } from './invoices.ts'

export function registerRoutes(app: FastifyInstance, services: AppServices): void {
  for (const routes of [invoiceRoutes, invoiceActionRoutes, documentItemRoutes, invoicePaymentRoutes])
    routes(app, services)
}
