// Webhook registrations (§5). Billomat configures them in its web UI only (Settings > Webhooks:
// one URL per event, XML or JSON, optional basic auth), which a self-hosted server has not got, so
// Faktura offers the same fields as a resource of the API, `/webhooks`, kept as dialect records.
// Only the events Faktura can announce are accepted (see WEBHOOK_EVENTS); the password is stored
// but never shown. A webhook whose delivery was given up is inactive (`active` 0) until set again.

import { invalidField } from '../../../domain/errors.ts'
import type { RecordSpec } from '../records/record-spec.ts'

export const WEBHOOK_RESOURCE = 'webhook'

/** The events Faktura announces, named as Billomat names them (`<resource>.<action>`). */
export const WEBHOOK_EVENTS = [
  'invoice.create',
  'invoice.status',
  'invoice.send',
  'invoice_payment.create',
  'invoice_payment.delete',
  'credit_note.create',
  'credit_note.status',
  'credit_note.send',
  'reminder.create',
  'reminder.send',
] as const

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

const MAX_URL_LENGTH = 2000

export const WEBHOOKS: RecordSpec = {
  path: 'webhooks',
  resource: WEBHOOK_RESOURCE,
  element: 'webhook',
  fields: [
    { name: 'url', type: 'text', required: true, maxLength: MAX_URL_LENGTH },
    // Text, not an enum: enums are upper case on the wire, event names lower case.
    { name: 'event', type: 'text', required: true, maxLength: 100 },
    { name: 'format', type: 'enum', values: ['XML', 'JSON'], defaultValue: 'XML' },
    { name: 'username', type: 'text', maxLength: 200 },
    { name: 'password', type: 'text', maxLength: 200, hidden: true },
    // Cleared when a delivery is given up (webhook-delivery.ts); a client sets it again to resume.
    { name: 'active', type: 'bool', defaultValue: '1' },
  ],
  filters: { event: { field: 'event', op: 'in' } },
  methods: ['list', 'get', 'create', 'update', 'delete'],
  hasUpdated: true,
  validate: async (_core, _tenant, data) => {
    if (!/^https?:\/\/[^\s]+$/i.test(data.url ?? ''))
      throw invalidField('url', 'a webhook url must be an http or https address')
    if (!(WEBHOOK_EVENTS as readonly string[]).includes(data.event ?? ''))
      throw invalidField('event', `event must be one of ${WEBHOOK_EVENTS.join(', ')}`)
  },
}
