// What the recipient's pages share: their security headers, the bare 404 that reveals nothing,
// and the form bodies they read.

import type { FastifyReply, FastifyRequest } from 'fastify'

export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
}

export function notFoundPage(reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .headers(SECURITY_HEADERS)
    .type('text/html; charset=utf-8')
    .send(
      '<!doctype html><html><head><meta charset="utf-8"><title>404</title></head><body><p>404</p></body></html>',
    )
}

export function formBody(request: FastifyRequest): Record<string, string> {
  return typeof request.body === 'object' && request.body !== null
    ? (request.body as Record<string, string>)
    : {}
}
