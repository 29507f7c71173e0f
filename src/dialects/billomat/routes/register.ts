// Every Billomat resource the dialect answers, registered in one place.

import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../http/server.ts'
import { ACCOUNT_RESOURCES } from '../records/account-resources.ts'
import { ANNOTATION_RESOURCES } from '../records/annotation-resources.ts'
import { SUPPLIER_RECORDS } from '../records/purchase-resources.ts'
import { recordRoutes } from '../records/record-routes.ts'
import type { RecordSpec } from '../records/record-spec.ts'
import { REMINDER_TAGS } from '../reminders/reminder-tags.ts'
import { WEBHOOKS } from '../webhooks/webhook-spec.ts'
import { accountRoutes } from './account.ts'
import { articleRoutes } from './articles.ts'
import { clientRoutes } from './clients.ts'
import { creditNotePaymentRoutes } from './credit-note-payments.ts'
import { customfieldRoutes } from './customfield.ts'
import { documentItemRoutes } from './document-items.ts'
import { creditNoteRoutes, invoiceRoutes } from './documents.ts'
import { feedSearchRoutes } from './feed-search.ts'
import { inboxRoutes } from './inbox.ts'
import { incomingItemRoutes } from './incoming-items.ts'
import { incomingPaymentRoutes } from './incoming-payments.ts'
import { incomingRoutes } from './incomings.ts'
import { creditNoteActionRoutes, invoiceActionRoutes } from './invoice-actions.ts'
import { invoicePaymentRoutes } from './invoice-payments.ts'
import { recurringChildRoutes } from './recurring-children.ts'
import { recurringRoutes } from './recurrings.ts'
import { reminderRoutes } from './reminders.ts'
import { salesDocumentActionRoutes } from './sales-actions.ts'
import { salesDocumentRoutes } from './sales-documents.ts'
import { supplierRoutes } from './suppliers.ts'

/** The resources kept as records, each routed (and described in openapi.json) by its spec. */
export const RECORD_SPECS: readonly RecordSpec[] = [
  ...ACCOUNT_RESOURCES,
  ...ANNOTATION_RESOURCES,
  ...SUPPLIER_RECORDS,
  REMINDER_TAGS,
  WEBHOOKS,
]

export function registerRoutes(app: FastifyInstance, services: AppServices): void {
  for (const spec of RECORD_SPECS) recordRoutes(spec)(app, services)
  for (const routes of [
    invoiceRoutes,
    invoiceActionRoutes,
    creditNoteRoutes,
    creditNoteActionRoutes,
    documentItemRoutes,
    invoicePaymentRoutes,
    creditNotePaymentRoutes,
    salesDocumentRoutes,
    salesDocumentActionRoutes,
    clientRoutes,
    articleRoutes,
    accountRoutes,
    feedSearchRoutes,
    customfieldRoutes,
    supplierRoutes,
    recurringRoutes,
    recurringChildRoutes,
    reminderRoutes,
    incomingRoutes,
    incomingItemRoutes,
    incomingPaymentRoutes,
    inboxRoutes,
  ])
    routes(app, services)
}
