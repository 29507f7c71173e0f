// Billomat's error bodies: XML `<errors><error>…</error></errors>` by default, JSON
// `{"errors":{"error":"…"}}` when the client asked for JSON (../shared/reference/billomat.md §1.8).

import type { DomainError, DomainErrorCode } from '../../domain/errors.ts'

const HTTP_STATUS_FROM_DOMAIN = {
  invalid_field: 400,
  missing_field: 400,
  not_found: 404,
  conflict: 400,
  wrong_state: 400,
  currency_mismatch: 400,
  unbalanced_entry: 400,
  amount_exceeds_balance: 400,
  unauthenticated: 401,
  forbidden: 403,
  idempotency_mismatch: 400,
  limit_exceeded: 429,
} as const satisfies Record<DomainErrorCode, number>

export type WireFormat = 'xml' | 'json'

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export function errorPayload(
  format: WireFormat,
  messages: readonly string[],
): { contentType: string; body: string } {
  if (format === 'json') {
    const error = messages.length === 1 ? messages[0] : messages
    return { contentType: 'application/json', body: JSON.stringify({ errors: { error } }) }
  }
  const items = messages.map((message) => `<error>${escapeXml(message)}</error>`).join('')
  return {
    contentType: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<errors>${items}</errors>`,
  }
}

export function fromDomainError(error: DomainError): { httpStatus: number; messages: string[] } {
  const field = error.details.field
  const message = field && !error.message.includes(field) ? `${field}: ${error.message}` : error.message
  return { httpStatus: HTTP_STATUS_FROM_DOMAIN[error.code], messages: [message] }
}
