// MAIL_FROM read as one address, for the delivery handlers and for whatever writes a message of
// its own into the outbox (a dialect's sales documents).

import addressparser from 'nodemailer/lib/addressparser'
import { ConfigError } from './config.ts'

export type FromAddress = Readonly<{ address: string; name?: string }>

/** MAIL_FROM as one address: `Faktura <faktura@example.com>` or a bare address. */
export function mailFromAddress(text: string): FromAddress {
  const [first, ...rest] = addressparser(text, { flatten: true })
  if (!first?.address || rest.length > 0) {
    throw new ConfigError(`MAIL_FROM must be one email address, got ${JSON.stringify(text)}`)
  }
  return first.name ? { address: first.address, name: first.name } : { address: first.address }
}
