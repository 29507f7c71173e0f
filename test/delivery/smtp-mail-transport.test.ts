// Proves the SMTP transport hands a real SMTP server a message with the right headers, envelope and attachment bytes.

import { randomBytes } from 'node:crypto'
import { type AddressInfo, createServer } from 'node:net'
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OutgoingMail } from '../../src/delivery/mail/mail-transport.ts'
import { createSmtpMailTransport } from '../../src/delivery/mail/smtp-mail-transport.ts'
import { PermanentDeliveryError } from '../../src/delivery/permanent-delivery-error.ts'
import { type SmtpServerFixture, startSmtpServer } from './smtp-server-fixture.ts'

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(50_000)])

function invoiceMail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    deliveryId: '0190f3a2-7b1c-7c3e-9a00-000000000001',
    from: { name: 'Acme AB', address: 'billing@acme.example' },
    replyTo: { address: 'support@acme.example' },
    to: [{ name: 'Kund, Kalle', address: 'kalle@customer.example' }],
    cc: [{ address: 'ekonomi@customer.example' }],
    bcc: [{ address: 'archive@acme.example' }],
    subject: 'Faktura 1042 från Acme AB',
    text: 'Hej! Här är faktura 1042.',
    html: '<p>Hej! Här är faktura 1042.</p>',
    attachments: [{ filename: 'faktura-1042.pdf', contentType: 'application/pdf', content: pdf }],
    ...overrides,
  }
}

describe('SMTP mail transport', () => {
  let server: SmtpServerFixture

  beforeEach(async () => {
    server = await startSmtpServer({ refuseRecipient: 'nobody@customer.example' })
  })

  afterEach(async () => {
    await server.close()
  })

  it('delivers the headers, the delivery id and a stable Message-ID', async () => {
    const transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${server.port}` })

    const receipt = await transport.send(invoiceMail())
    transport.close()

    const parsed = await simpleParser(server.received[0]!.raw)
    expect(parsed.to?.value).toEqual([{ name: 'Kund, Kalle', address: 'kalle@customer.example' }])
    expect(parsed.cc?.value.map((address) => address.address)).toEqual(['ekonomi@customer.example'])
    expect(parsed.replyTo?.value.map((address) => address.address)).toEqual(['support@acme.example'])
    expect(parsed.subject).toBe('Faktura 1042 från Acme AB')
    expect(parsed.messageId).toBe('<0190f3a2-7b1c-7c3e-9a00-000000000001@acme.example>')
    expect(parsed.headers.get('x-faktura-delivery-id')).toBe('0190f3a2-7b1c-7c3e-9a00-000000000001')
    expect(receipt.messageId).toBe(parsed.messageId)
  })

  it('puts bcc recipients in the envelope but not in the headers', async () => {
    const transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${server.port}` })

    const receipt = await transport.send(invoiceMail())
    transport.close()

    const message = server.received[0]!
    const parsed = await simpleParser(message.raw)
    expect(message.mailFrom).toBe('billing@acme.example')
    expect([...message.rcptTo].sort()).toEqual(
      ['archive@acme.example', 'ekonomi@customer.example', 'kalle@customer.example'].sort(),
    )
    expect(parsed.bcc).toBeUndefined()
    expect(message.raw.toString('latin1')).not.toContain('archive@acme.example')
    expect([...receipt.accepted].sort()).toEqual([...message.rcptTo].sort())
  })

  it('delivers the PDF attachment byte for byte', async () => {
    const transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${server.port}` })

    await transport.send(invoiceMail())
    transport.close()

    const parsed = await simpleParser(server.received[0]!.raw)
    expect(parsed.attachments).toHaveLength(1)
    expect(parsed.attachments[0]!.filename).toBe('faktura-1042.pdf')
    expect(parsed.attachments[0]!.contentType).toBe('application/pdf')
    expect(parsed.attachments[0]!.content.equals(pdf)).toBe(true)
  })

  it('authenticates with the credentials in the URL', async () => {
    const transport = createSmtpMailTransport({ url: `smtp://faktura:s%40cret@127.0.0.1:${server.port}` })

    await transport.verify()
    await transport.send(invoiceMail())
    transport.close()

    expect(server.received[0]!.user).toBe('faktura')
  })

  it('sends through a pooled connection', async () => {
    const transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${server.port}`, pool: true })

    await transport.send(invoiceMail({ deliveryId: 'first' }))
    await transport.send(invoiceMail({ deliveryId: 'second' }))
    transport.close()

    const ids = await Promise.all(
      server.received.map(async (mail) => (await simpleParser(mail.raw)).messageId),
    )
    expect(ids).toEqual(['<first@acme.example>', '<second@acme.example>'])
  })

  it('reports a refused recipient while delivering to the others', async () => {
    const transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${server.port}` })

    const receipt = await transport.send(invoiceMail({ cc: [{ address: 'nobody@customer.example' }] }))
    transport.close()

    expect(receipt.rejected).toEqual(['nobody@customer.example'])
    expect(server.received[0]!.rcptTo).not.toContain('nobody@customer.example')
  })

  it('raises a permanent error when every recipient is refused', async () => {
    const transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${server.port}` })
    const mail = invoiceMail({ to: [{ address: 'nobody@customer.example' }], cc: [], bcc: [] })

    const sending = transport.send(mail)

    await expect(sending).rejects.toBeInstanceOf(PermanentDeliveryError)
    transport.close()
    expect(server.received).toHaveLength(0)
  })

  it('passes connection failures through as they are, for the relay to retry', async () => {
    const closedPort = await unusedPort()
    const transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${closedPort}` })

    const sending = transport.send(invoiceMail())

    await expect(sending).rejects.toThrow(/ECONNREFUSED/)
    await expect(sending).rejects.not.toBeInstanceOf(PermanentDeliveryError)
    transport.close()
  })

  it('refuses a URL that is not smtp or smtps', () => {
    expect(() => createSmtpMailTransport({ url: 'http://mail.example:25' })).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    )
  })
})

async function unusedPort(): Promise<number> {
  const listener = createServer()
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  const { port } = listener.address() as AddressInfo
  await new Promise<void>((resolve) => listener.close(() => resolve()))
  return port
}
