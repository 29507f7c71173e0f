// Announces a case's events to the organization's Billomat webhooks (§5): each event the core
// logged on an invoice's case becomes Billomat's event (`invoice.status`, `invoice_payment.create`,
// `reminder.create`, …), and each webhook registered for that event, before it happened, gets one
// POST whose body is the affected record exactly as a single GET answers it, in the webhook's
// format, with Billomat's headers. main.ts calls it for every `event.announce` outbox row; the
// core's cursor per case makes every event announced once.

import { announceCaseEvents, type CaseAnnouncement } from '../../../core/callbacks/announce-case-events.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { listReminders } from '../../../core/dunning/list-reminders.ts'
import type { CaseEvent } from '../../../core/events/list-events.ts'
import { getInvoice } from '../../../core/invoices/get-invoice.ts'
import { searchPayments } from '../../../core/payments/search-payments.ts'
import type { DialectRecord } from '../../../core/records/dialect-record.ts'
import { findRecords } from '../../../core/records/list-records.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { renderDocument } from '../invoices/render.ts'
import { paymentToWire } from '../payments/payment-wire.ts'
import { renderReminders } from '../routes/reminders.ts'
import { recordToJson, recordToXml } from '../wire/render.ts'
import { JSON_TYPE, XML_TYPE } from '../wire/reply.ts'
import type { WireRecord } from '../wire/tree.ts'
import { BILLOMAT_WEBHOOK_KIND } from './webhook-delivery.ts'
import { WEBHOOK_RESOURCE } from './webhook-spec.ts'

/** What a core event is on Billomat's side: the event's name and the record its body shows. */
type Announced = Readonly<{ name: string; subject: Subject }>

type Subject =
  | Readonly<{ kind: 'document' }>
  | Readonly<{ kind: 'payment'; paymentId: string }>
  | Readonly<{ kind: 'reminder'; level: number }>

/** Core events that change what Billomat shows as the document's `status`. */
const STATUS_EVENTS = new Set([
  'invoice.approved',
  'invoice.overdue',
  'invoice.paid',
  'invoice.cancelled',
  'invoice.uncancelled',
  'invoice.credited',
  'invoice.written_off',
])

export function billomatEventOf(event: CaseEvent, documentKind: string): Announced | undefined {
  const resource = documentKind === 'credit_note' ? 'credit_note' : 'invoice'
  const reminderNo = Number(event.data.reminderNo ?? 0)
  const paymentId = typeof event.data.paymentId === 'string' ? event.data.paymentId : undefined
  if (event.type === 'invoice.created') return { name: `${resource}.create`, subject: { kind: 'document' } }
  if (STATUS_EVENTS.has(event.type)) return { name: `${resource}.status`, subject: { kind: 'document' } }
  if (event.type === 'invoice.sent')
    return reminderNo > 0
      ? { name: 'reminder.send', subject: { kind: 'reminder', level: reminderNo } }
      : { name: `${resource}.send`, subject: { kind: 'document' } }
  if (event.type === 'invoice.reminder_sent' && reminderNo > 0)
    return { name: 'reminder.create', subject: { kind: 'reminder', level: reminderNo } }
  if (resource === 'invoice' && paymentId && event.type === 'invoice.payment')
    return { name: 'invoice_payment.create', subject: { kind: 'payment', paymentId } }
  if (resource === 'invoice' && paymentId && event.type === 'invoice.payment_voided')
    return { name: 'invoice_payment.delete', subject: { kind: 'payment', paymentId } }
  return undefined
}

type Bodies = Readonly<{ core: CoreContext; tenant: Tenant; publicBaseUrl: string }>

/** The record a body shows, read now; undefined when it is gone (a draft deleted since). */
async function subjectRecord(bodies: Bodies, invoice: Invoice, subject: Subject) {
  const { core, tenant, publicBaseUrl } = bodies
  if (subject.kind === 'document') return renderDocument(core, tenant, publicBaseUrl, invoice)
  if (subject.kind === 'payment') {
    const page = await searchPayments(core, tenant, {
      filters: [{ field: 'paymentId', op: 'eq', value: subject.paymentId }],
      includeVoided: true,
      limit: 1,
      offset: 0,
    })
    const payment = page.items[0]
    return payment ? paymentToWire(payment, invoice.invoiceSeq, 'invoice_id') : undefined
  }
  const reminders = await listReminders(core, tenant, {
    invoiceIds: [invoice.invoiceId],
    level: subject.level,
    limit: 1,
    offset: 0,
  })
  return (await renderReminders(core, tenant, publicBaseUrl, reminders.items))[0]
}

function headersOf(webhook: DialectRecord, name: string, json: boolean, requestNo: bigint) {
  return {
    'Content-Type': json ? JSON_TYPE : XML_TYPE,
    'User-Agent': 'Billomat-Webhook',
    'X-Billomat-Webhook-Id': String(webhook.recordNo),
    'X-Billomat-Webhook-Request-Id': String(requestNo),
    'X-Billomat-Webhook-Event': name,
  }
}

async function announcementOf(
  bodies: Bodies,
  webhooks: readonly DialectRecord[],
  event: CaseEvent,
): Promise<CaseAnnouncement> {
  const none = { eventId: event.eventId, rows: [] }
  if (!event.invoiceId) return none
  const invoiceId = event.invoiceId
  const invoice = await getInvoice(bodies.core, bodies.tenant, invoiceId).catch(() => undefined)
  const announced = invoice && billomatEventOf(event, invoice.kind)
  if (!announced) return none
  // A webhook hears only of what happened after it was registered.
  const listeners = webhooks.filter(
    (webhook) =>
      webhook.data.event === announced.name &&
      webhook.data.active !== '0' &&
      webhook.createdAt <= event.occurredAt,
  )
  if (listeners.length === 0) return none
  const record: WireRecord | undefined = await subjectRecord(bodies, invoice, announced.subject)
  if (!record) return none
  return {
    eventId: event.eventId,
    rows: listeners.map((webhook) => {
      const json = webhook.data.format === 'JSON'
      const body = json ? recordToJson(record) : recordToXml(record)
      return {
        kind: BILLOMAT_WEBHOOK_KIND,
        payload: (requestNo: bigint) => ({
          url: webhook.data.url,
          eventId: event.eventId,
          subscriptionId: String(webhook.recordNo),
          caseId: event.caseId,
          invoiceId,
          body,
          headers: headersOf(webhook, announced.name, json, requestNo),
        }),
      }
    }),
  }
}

export function billomatAnnouncerFor(core: CoreContext, publicBaseUrl: string) {
  return async (organizationId: string, caseId: string): Promise<number> => {
    const tenant = { organizationId }
    const webhooks = await findRecords(core, tenant, WEBHOOK_RESOURCE, { limit: 1000, offset: 0 })
    // Without a webhook there is no one to tell, and one registered later hears only of later events.
    if (webhooks.length === 0) return 0
    const bodies = { core, tenant, publicBaseUrl }
    return announceCaseEvents(core, tenant, caseId, {
      name: 'billomat.webhooks',
      prepare: async (events) => {
        const announcements: CaseAnnouncement[] = []
        for (const event of events) announcements.push(await announcementOf(bodies, webhooks, event))
        return announcements
      },
    })
  }
}
