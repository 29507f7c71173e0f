// Proves the ready-made outbox handlers read their payloads strictly and hand real transports the message with its delivery id.

import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLocalPrintSpool, listLetters } from '../../src/delivery/letters/local-print-spool.ts'
import { createSmtpMailTransport } from '../../src/delivery/mail/smtp-mail-transport.ts'
import { PermanentDeliveryError } from '../../src/delivery/permanent-delivery-error.ts'
import { DeliveryAttemptError } from '../../src/delivery/relay/delivery-attempt-error.ts'
import { createDeliveryHandlers } from '../../src/delivery/relay/delivery-handlers.ts'
import { createEmailHandler } from '../../src/delivery/relay/email-handler.ts'
import { createLetterHandler } from '../../src/delivery/relay/letter-handler.ts'
import type { DeliveryAttempt } from '../../src/delivery/relay/outbox-handler.ts'
import { createSmsHandler } from '../../src/delivery/relay/sms-handler.ts'
import { createWebhookHandler } from '../../src/delivery/relay/webhook-handler.ts'
import { createLocalSmsOutbox, listLocalSms } from '../../src/delivery/sms/local-sms-outbox.ts'
import { hmacSigner, verifyWebhookSignature } from '../../src/delivery/webhooks/sign-webhook.ts'
import { pdfWithPages } from './pdf-fixtures.ts'
import { type SmtpServerFixture, startSmtpServer } from './smtp-server-fixture.ts'

const attempt: DeliveryAttempt = {
  deliveryId: '0190f3a2-7b1c-7c3e-9a00-0000000000aa',
  organizationId: 'org-1',
  attempt: 1,
  signal: new AbortController().signal,
}

const mailPayload = {
  invoiceId: 'inv-1',
  caseId: 'case-1',
  from: { name: 'Acme AB', address: 'billing@acme.example' },
  to: [{ name: 'Kalle', address: 'kalle@customer.example' }],
  subject: 'Faktura 1042',
  text: 'Här är fakturan.',
  attachments: [{ filename: 'faktura-1042.pdf', contentType: 'application/pdf', documentId: 'doc-1042' }],
}

function refusal(run: () => unknown): PermanentDeliveryError {
  try {
    run()
  } catch (error) {
    if (error instanceof PermanentDeliveryError) return error
    throw error
  }
  throw new Error('expected a PermanentDeliveryError')
}

describe('email handler', () => {
  let server: SmtpServerFixture

  beforeAll(async () => {
    server = await startSmtpServer()
  })

  afterAll(async () => {
    await server.close()
  })

  it('sends the payload over SMTP with the delivery id and a document loaded by id', async () => {
    const transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${server.port}` })
    const loaded: string[] = []
    const handler = createEmailHandler({
      transport,
      loadDocument: async (organizationId, documentId) => {
        loaded.push(`${organizationId}/${documentId}`)
        return Buffer.from('%PDF-1.7 invoice')
      },
    })

    const prepared = handler.prepare(mailPayload, 'org-1')
    const detail = await prepared.send(attempt)
    transport.close()

    const parsed = await simpleParser(server.received.at(-1)!.raw)
    expect(parsed.headers.get('x-faktura-delivery-id')).toBe(attempt.deliveryId)
    expect(parsed.attachments.map((file) => file.content.toString())).toEqual(['%PDF-1.7 invoice'])
    expect(loaded).toEqual(['org-1/doc-1042'])
    expect(detail.messageId).toBe(`<${attempt.deliveryId}@acme.example>`)
    expect([prepared.recipient, prepared.invoiceId, prepared.caseId]).toEqual([
      'kalle@customer.example',
      'inv-1',
      'case-1',
    ])
  })

  it('refuses a payload without recipients, naming the field', () => {
    const handler = createEmailHandler({ transport: { send: () => Promise.reject(new Error('unused')) } })

    const error = refusal(() => handler.prepare({ ...mailPayload, to: [] }, 'org-1'))

    expect([error.field, error.message]).toEqual(['to', 'payload.to must be a non-empty array'])
  })

  it('refuses a document reference when the relay has no document store', () => {
    const handler = createEmailHandler({ transport: { send: () => Promise.reject(new Error('unused')) } })

    const error = refusal(() => handler.prepare(mailPayload, 'org-1'))

    expect(error.field).toBe('attachments[0].documentId')
  })
})

describe('delivery handlers', () => {
  it('cover the four delivery kinds, each on its channel', () => {
    const unused = { send: () => Promise.reject(new Error('unused')) }

    const handlers = createDeliveryHandlers({ mail: unused, letters: unused, sms: unused })

    expect(Object.entries(handlers).map(([kind, handler]) => [kind, handler.channel])).toEqual([
      ['email.send', 'email'],
      ['letter.send', 'letter'],
      ['sms.send', 'sms'],
      ['webhook.deliver', 'webhook'],
    ])
  })
})

describe('letter and SMS handlers', () => {
  let dir = ''

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faktura-relay-handlers-'))
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('spools the letter under its delivery id with the inlined PDF', async () => {
    const spool = join(dir, 'print-spool')
    const handler = createLetterHandler({ transport: createLocalPrintSpool({ dir: spool }) })
    const payload = {
      invoiceId: 'inv-2',
      recipient: {
        name: 'Kalle Anka',
        streetLines: ['Storgatan 1'],
        postalCode: '111 22',
        city: 'Stockholm',
        countryCode: 'SE',
      },
      document: { contentBase64: (await pdfWithPages(2)).toString('base64') },
      addAddressPage: false,
      duplex: false,
    }

    const prepared = handler.prepare(payload, 'org-1')
    const detail = await prepared.send(attempt)

    const [job] = await listLetters(spool)
    expect([job?.deliveryId, job?.pageCount, detail.pageCount]).toEqual([attempt.deliveryId, 2, 2])
    expect(prepared.recipient).toBe('Kalle Anka, Storgatan 1, 111 22 Stockholm, SWEDEN')
  })

  it('writes the SMS to the local outbox under its delivery id', async () => {
    const outbox = join(dir, 'sms-outbox')
    const handler = createSmsHandler({ transport: createLocalSmsOutbox({ dir: outbox }) })

    const detail = await handler
      .prepare({ to: '+46701234567', text: 'Faktura 1042 förfaller i dag.' }, 'org-1')
      .send(attempt)

    const [message] = await listLocalSms(outbox)
    expect([message?.deliveryId, message?.to, detail.segmentCount]).toEqual([
      attempt.deliveryId,
      '+46701234567',
      1,
    ])
  })
})

describe('webhook handler', () => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = []
  const answers: { status: number; headers?: Record<string, string> }[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
      const answer = answers.shift() ?? { status: 200 }
      response.writeHead(answer.status, answer.headers).end()
    })
  })
  let url = ''

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks?token=secret`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  const handler = createWebhookHandler({
    network: { allowLoopback: true },
    timeoutMs: 5_000,
    signerFor: async () => hmacSigner('whsec_test'),
  })

  it('posts the body with the delivery id, the event id and a signature', async () => {
    const prepared = handler.prepare({ url, eventId: 'evt-7', body: { type: 'invoice.sent' } }, 'org-1')

    const detail = await prepared.send(attempt)

    const request = received.at(-1)!
    expect(request.headers['x-faktura-delivery-id']).toBe(attempt.deliveryId)
    expect(request.headers['x-faktura-event-id']).toBe('evt-7')
    expect(request.body).toBe('{"type":"invoice.sent"}')
    const header = String(request.headers['faktura-signature'])
    const nowSeconds = Math.floor(Date.now() / 1000)
    expect(verifyWebhookSignature({ header, body: request.body, secret: 'whsec_test', nowSeconds })).toBe(
      true,
    )
    expect(detail.status).toBe(200)
    expect(prepared.recipient).toBe(url.replace('?token=secret', ''))
  })

  it('fails retryably on 503 and passes on the receiver’s Retry-After', async () => {
    answers.push({ status: 503, headers: { 'retry-after': '120' } })

    const failure = await handler
      .prepare({ url, eventId: 'evt-8', body: {} }, 'org-1')
      .send(attempt)
      .catch((error) => error)

    expect(failure).toBeInstanceOf(DeliveryAttemptError)
    expect([failure.permanent, failure.retryAfterMs, failure.detail.status]).toEqual([false, 120_000, 503])
  })

  it('fails permanently when the receiver answers 410 Gone', async () => {
    answers.push({ status: 410 })

    const failure = await handler
      .prepare({ url, eventId: 'evt-9', body: {} }, 'org-1')
      .send(attempt)
      .catch((error) => error)

    expect([failure instanceof DeliveryAttemptError, failure.permanent]).toEqual([true, true])
  })
})
