// Sends a wire tree in the format the client asked for: XML by default, JSON for
// `Accept: application/json` or `format=json`, JSONP for `format=json&jsonp=name` (§1.3).

import type { FastifyReply, FastifyRequest } from 'fastify'
import { invalidField } from '../../../domain/errors.ts'
import { wireFormatOf } from '../format.ts'
import { parseQuery, queryValue } from './query.ts'
import { listToJson, listToXml, recordToJson, recordToXml } from './render.ts'
import type { WireList, WireRecord } from './tree.ts'

export const XML_TYPE = 'application/xml; charset=utf-8'
export const JSON_TYPE = 'application/json; charset=utf-8'

const CALLBACK = /^[A-Za-z_$][\w$.]{0,63}$/

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  xml: () => string,
  json: () => string,
): FastifyReply {
  if (wireFormatOf(request) === 'xml') return reply.code(status).header('content-type', XML_TYPE).send(xml())
  const query = parseQuery(request.url)
  if (!query.has('jsonp')) return reply.code(status).header('content-type', JSON_TYPE).send(json())
  const callback = queryValue(query, 'jsonp') ?? 'callback'
  if (!CALLBACK.test(callback)) throw invalidField('jsonp', 'jsonp must be a JavaScript function name')
  return reply
    .code(status)
    .header('content-type', 'application/javascript; charset=utf-8')
    .send(`${callback}(${json()})`)
}

export function sendRecord(
  request: FastifyRequest,
  reply: FastifyReply,
  record: WireRecord,
  status = 200,
): FastifyReply {
  return send(
    request,
    reply,
    status,
    () => recordToXml(record),
    () => recordToJson(record),
  )
}

/** A list, with its total also in X-Total-Count, which is all a HEAD request gets (§1.10). */
export function sendList(
  request: FastifyRequest,
  reply: FastifyReply,
  list: WireList,
  totalCount: number,
): FastifyReply {
  reply.header('x-total-count', String(totalCount))
  return send(
    request,
    reply,
    200,
    () => listToXml(list),
    () => listToJson(list),
  )
}

/** DELETE and body-less actions: 200 with an empty body, which every client accepts (§1.7). */
export function sendNothing(reply: FastifyReply): FastifyReply {
  return reply.code(200).header('content-type', XML_TYPE).send('')
}
