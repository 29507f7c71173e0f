// CLI listings of what the local transports delivered: the mail outbox, the print spool and the
// SMS outbox in the data directory, so the embedded default can be followed end to end.

import { deliveryDirs } from '../delivery/delivery-dirs.ts'
import { listLetters } from '../delivery/letters/local-print-spool.ts'
import { listLocalMail } from '../delivery/mail/local-mail-outbox.ts'
import { listLocalSms } from '../delivery/sms/local-sms-outbox.ts'
import type { Command } from './commands.ts'

const addresses = (list: readonly { address: string }[]) => list.map((entry) => entry.address).join(', ')

export const DELIVERY_COMMANDS: readonly Command[] = [
  {
    name: 'mail list',
    summary: 'mail list: the messages in the local mail outbox (used when SMTP_URL is not set)',
    async run(context) {
      const dir = deliveryDirs(context.config.dataDir).mailOutbox
      const mail = await listLocalMail(dir)
      const lines = mail.map(
        (entry) =>
          `${entry.writtenAt}  ${addresses(entry.to)}  ${entry.subject}  (${entry.attachments.length} attachments, ${dir}/${entry.emlFile})`,
      )
      context.print(lines.length ? lines.join('\n') : `no mail in ${dir}`, mail)
      return 0
    },
  },
  {
    name: 'letters list',
    summary: 'letters list: the print jobs in the local print spool',
    async run(context) {
      const dir = deliveryDirs(context.config.dataDir).printSpool
      const jobs = await listLetters(dir)
      const lines = jobs.map(
        (job) =>
          `${job.createdAt}  ${job.recipient.name}  ${job.pageCount} pages on ${job.sheetCount} sheets, ${job.colour ? 'colour' : 'black and white'}, ${job.duplex ? 'duplex' : 'simplex'}  (${dir}/${job.deliveryId})`,
      )
      context.print(lines.length ? lines.join('\n') : `no letters in ${dir}`, jobs)
      return 0
    },
  },
  {
    name: 'sms list',
    summary: 'sms list: the messages in the local SMS outbox',
    async run(context) {
      const dir = deliveryDirs(context.config.dataDir).smsOutbox
      const messages = await listLocalSms(dir)
      const lines = messages.map((sms) => `${sms.writtenAt}  ${sms.to}  ${sms.text}`)
      context.print(lines.length ? lines.join('\n') : `no SMS in ${dir}`, messages)
      return 0
    },
  },
]
