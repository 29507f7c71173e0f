// Delivers `sms.send` rows through an SmsTransport (a gateway, or the local JSON outbox). The
// transport checks the number and the length; the payload reader only checks the shape.
//
// Payload: { caseId?, invoiceId?, to: "+46701234567", from?: "Acme AB" | E.164, text }

import type { SmsTransport } from '../sms/sms-transport.ts'
import type { OutboxHandler, PreparedDelivery } from './outbox-handler.ts'
import { readObject, readOptionalString, readString, readSubject } from './read-payload.ts'

export type SmsHandlerOptions = Readonly<{ transport: SmsTransport }>

export function createSmsHandler(options: SmsHandlerOptions): OutboxHandler {
  return {
    channel: 'sms',
    prepare(value: unknown): PreparedDelivery {
      const payload = readObject(value, 'payload')
      const to = readString(payload, 'to', '')
      const from = readOptionalString(payload, 'from', '')
      const text = readString(payload, 'text', '')
      return {
        ...readSubject(payload),
        recipient: to,
        async send({ deliveryId }) {
          const receipt = await options.transport.send({
            deliveryId,
            to,
            ...(from === undefined ? {} : { from }),
            text,
          })
          return {
            location: receipt.location,
            encoding: receipt.encoding,
            segmentCount: receipt.segmentCount,
          }
        },
      }
    },
  }
}
