// Where a case's documents go when a caller names only the ways to send them (email, letter, SMS):
// to the contact's email address, postal address and mobile number. The invariant it protects: a
// channel is chosen only when the contact can be reached by it, and the refusal names what is
// missing, so nothing is queued that the relay could never deliver.

import type { Contact } from '../../domain/contacts/contact.ts'
import { invalidField } from '../../domain/errors.ts'
import type { SendInvoiceInput } from '../invoices/send-invoice.ts'

export type DeliveryChoice = Readonly<{ email?: boolean; letter?: boolean; sms?: boolean; text?: string }>

export function channelsFor(
  contact: Contact,
  choice: DeliveryChoice,
): Pick<SendInvoiceInput, 'email' | 'letter' | 'sms'> {
  if (!choice.email && !choice.letter && !choice.sms)
    throw invalidField('method', 'choose at least one way to send: email, letter or SMS')
  if (choice.email && !contact.email)
    throw invalidField('email', `contact ${contact.contactNo} has no email address to send to`)
  if (choice.sms && !contact.phone)
    throw invalidField('phone', `contact ${contact.contactNo} has no mobile number to send an SMS to`)
  const { street, zip, city } = contact.address
  if (choice.letter && !(street && zip && city))
    throw invalidField(
      'address',
      `contact ${contact.contactNo} needs a street, postal code and city for a letter`,
    )
  return {
    ...(choice.email && contact.email
      ? { email: { to: [contact.email], ...(choice.text ? { text: choice.text } : {}) } }
      : {}),
    ...(choice.letter ? { letter: {} } : {}),
    ...(choice.sms && contact.phone
      ? { sms: { to: contact.phone, ...(choice.text ? { text: choice.text } : {}) } }
      : {}),
  }
}
