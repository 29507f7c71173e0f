// Where an automatic reminder goes when nobody names a channel: by email to the invoice's
// recipient (or the contact), else by letter to the recipient's postal address. The invariant it
// protects: a reminder is queued only on a channel it can be delivered by, and the refusal names
// what is missing.

import type { ReminderChannel } from '../../domain/dunning/dunning-settings.ts'
import { invalidField } from '../../domain/errors.ts'
import type { Recipient } from '../../domain/invoicing/invoice.ts'
import type { SendInvoiceInput } from '../invoices/send-invoice.ts'

export type ReminderChannels = Pick<SendInvoiceInput, 'email' | 'letter' | 'sms'>

export function reminderChannels(
  invoice: Readonly<{ number: string | null; recipient: Recipient }>,
  contactEmail: string | null,
  channel: ReminderChannel,
): ReminderChannels {
  const email = invoice.recipient.email || contactEmail
  const { street, zip, city } = invoice.recipient
  if (channel === 'email' || (channel === 'auto' && email)) {
    if (!email) throw invalidField('email', `invoice ${invoice.number} has no email address to remind`)
    return { email: { to: [email] } }
  }
  if (!(street && zip && city))
    throw invalidField(
      'address',
      `invoice ${invoice.number} has no ${channel === 'auto' ? 'email or ' : ''}postal address to send a reminder to`,
    )
  return { letter: {} }
}
