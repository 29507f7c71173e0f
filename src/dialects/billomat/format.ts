// Which format a request answers in: XML unless the client asked for JSON by the format
// parameter or its Accept header; `format=xml` forces XML (../shared/reference/billomat.md §1.3).

import type { FastifyRequest } from 'fastify'

export type WireFormat = 'xml' | 'json'

export function wireFormatOf(request: FastifyRequest): WireFormat {
  const query = request.query as Record<string, unknown> | undefined
  const format = typeof query?.format === 'string' ? query.format.toLowerCase() : undefined
  if (format === 'json') return 'json'
  if (format === 'xml') return 'xml'
  return /application\/json/i.test(request.headers.accept ?? '') ? 'json' : 'xml'
}
