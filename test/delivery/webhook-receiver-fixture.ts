// A real HTTP receiver on 127.0.0.1 for the webhook tests: it records every request and answers
// as the test tells it to, including not at all.

import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedRequest = Readonly<{
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: string
}>

/** Answers the nth request (from 1); returning undefined leaves the request hanging. */
export type Responder = (
  request: ReceivedRequest,
  count: number,
) => { status: number; headers?: Record<string, string>; body?: string } | undefined

export type WebhookReceiver = Readonly<{
  url: string
  port: number
  received: ReceivedRequest[]
  close(): Promise<void>
}>

export async function startWebhookReceiver(respond: Responder): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = []
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      received.push(request)
      const answer = respond(request, received.length)
      if (answer === undefined) return
      outgoing.writeHead(answer.status, answer.headers).end(answer.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/faktura`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
