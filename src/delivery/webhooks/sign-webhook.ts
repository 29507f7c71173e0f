// Faktura's own webhook signature, in the style of Stripe's: an HMAC-SHA256 over the timestamp
// and the body, so a receiver can check both who sent a request and that it is not a replay.
// Header: `Faktura-Signature: t=<unix seconds>,v1=<hex>`. A dialect whose vendor signs callbacks
// differently passes its own WebhookSigner instead.

import { createHmac, timingSafeEqual } from 'node:crypto'
import type { WebhookSigner } from './post-webhook.ts'

export const SIGNATURE_HEADER = 'Faktura-Signature'

export function hmacSigner(secret: string): WebhookSigner {
  return (body, timestampSeconds) => ({
    [SIGNATURE_HEADER]: `t=${timestampSeconds},v1=${signatureOf(secret, timestampSeconds, body)}`,
  })
}

export type SignatureCheck = Readonly<{
  header: string | undefined
  body: string
  secret: string
  nowSeconds: number
  /** How old a signature may be; five minutes absorbs clock skew and slow networks. */
  toleranceSeconds?: number
}>

/** What a receiver does with the header; exported for receivers written in TypeScript and for tests. */
export function verifyWebhookSignature(check: SignatureCheck): boolean {
  const fields = new Map(
    (check.header ?? '').split(',').map((field) => {
      const [name = '', ...value] = field.trim().split('=')
      return [name, value.join('=')] as const
    }),
  )
  const timestampSeconds = Number(fields.get('t'))
  const given = Buffer.from(fields.get('v1') ?? '', 'hex')
  if (!Number.isInteger(timestampSeconds)) return false
  if (Math.abs(check.nowSeconds - timestampSeconds) > (check.toleranceSeconds ?? 300)) return false
  const expected = Buffer.from(signatureOf(check.secret, timestampSeconds, check.body), 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function signatureOf(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')
}
