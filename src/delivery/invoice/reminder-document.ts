// Turns an invoice delivery into a reminder delivery when its payload carries a reminder notice
// (written by core/dunning/send-reminder.ts through send-invoice.ts): the reminder document of the
// invoice as it stands at delivery time (documents/reminder-view.ts).
//
// Payload key: reminder: { level, remindedOn, payByOn, interestChargedMinor: "1234" }

import { type ReminderNotice, reminderViewOf } from '../../documents/reminder-view.ts'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import { type PayloadObject, readObject, readOptionalInteger, readString } from '../relay/read-payload.ts'
import type { InvoiceDocument } from './load-invoice-document.ts'

export type { ReminderNotice }

const PATH = 'reminder.'

export function readReminderNotice(payload: PayloadObject): ReminderNotice | undefined {
  if (payload.reminder === undefined || payload.reminder === null) return undefined
  const object = readObject(payload.reminder, 'reminder')
  const level = readOptionalInteger(object, 'level', PATH)
  const interest = readString(object, 'interestChargedMinor', PATH)
  if (level === undefined || !/^\d+$/.test(interest))
    throw new PermanentDeliveryError('payload.reminder needs a level and a whole interestChargedMinor', {
      field: 'reminder',
    })
  return {
    level,
    remindedOn: readString(object, 'remindedOn', PATH),
    payByOn: readString(object, 'payByOn', PATH),
    interestChargedMinor: BigInt(interest),
  }
}

export function asReminder(document: InvoiceDocument, notice: ReminderNotice): InvoiceDocument {
  return { ...document, view: reminderViewOf(document.invoice, document.view, notice) }
}
