// A callback receiver as a Billogram integration writes one: it checks each request's
// Billogram-Signature (HMAC-SHA256 over "timestamp:body" with the sign key) before trusting it.

import { createHmac, timingSafeEqual } from 'node:crypto'
import type { ReceivedRequest } from '../../../delivery/webhook-receiver-fixture.ts'

export function signatureIsValid(request: ReceivedRequest, signKey: string): boolean {
  const timestamp = request.headers['billogram-request-timestamp']
  const signature = request.headers['billogram-signature']
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false
  const expected = createHmac('sha256', signKey).update(`${timestamp}:`).update(request.body).digest()
  const given = Buffer.from(signature, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
