// Where the local transports keep their files under the data directory, in one place so that
// main.ts (which writes) and the CLI listings (which read) cannot disagree.

import { join } from 'node:path'

export type DeliveryDirs = Readonly<{ mailOutbox: string; printSpool: string; smsOutbox: string }>

export function deliveryDirs(dataDir: string): DeliveryDirs {
  return {
    mailOutbox: join(dataDir, 'mail-outbox'),
    printSpool: join(dataDir, 'print-spool'),
    smsOutbox: join(dataDir, 'sms-outbox'),
  }
}
