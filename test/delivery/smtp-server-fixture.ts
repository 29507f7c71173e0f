// A real SMTP server on 127.0.0.1 for the mail tests: it accepts every message (unless told to
// refuse a recipient) and keeps the raw bytes and the envelope of what it received.

import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerSession } from 'smtp-server'

export type ReceivedMail = Readonly<{
  raw: Buffer
  mailFrom: string
  rcptTo: readonly string[]
  user: unknown
}>

export type SmtpServerFixture = Readonly<{
  port: number
  received: ReceivedMail[]
  close(): Promise<void>
}>

export async function startSmtpServer(
  options: { refuseRecipient?: string } = {},
): Promise<SmtpServerFixture> {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username })
    },
    onRcptTo(address, _session, callback) {
      if (address.address === options.refuseRecipient) {
        const error = Object.assign(new Error('no such mailbox'), { responseCode: 550 })
        callback(error)
        return
      }
      callback()
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        const rcptTo = session.envelope.rcptTo.map((recipient) => recipient.address)
        received.push({ raw: Buffer.concat(chunks), mailFrom, rcptTo, user: session.user })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
