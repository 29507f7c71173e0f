// Proves the server started by startFaktura runs the outbox relay itself: with no SMTP configured, a sent invoice lands in the local mail outbox on its own.

import { setTimeout as sleep } from 'node:timers/promises'
import { expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { systemClock } from '../../src/core/context.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { sendInvoice } from '../../src/core/invoices/send-invoice.ts'
import { deliveryDirs } from '../../src/delivery/delivery-dirs.ts'
import { type LocalMailEntry, listLocalMail } from '../../src/delivery/mail/local-mail-outbox.ts'
import { startFaktura } from '../../src/main.ts'
import { createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

const POLL_INTERVAL_MS = 50

/** Reads the outbox until it holds a message; the bound only keeps a broken relay from hanging the run. */
async function firstMail(dir: string, timeoutMs: number): Promise<LocalMailEntry | undefined> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const [entry] = await listLocalMail(dir)
    if (entry) return entry
    await sleep(POLL_INTERVAL_MS / 2)
  }
  return undefined
}

describeEachEngine('the server delivers invoices', ({ dataDir, databaseUrl }) => {
  test('an invoice sent while the server runs arrives in the local mail outbox', async () => {
    const url = databaseUrl()
    const config = loadConfig(
      { 'data-dir': dataDir(), port: '0', ...(url ? { 'database-url': url } : {}) },
      { LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'https://faktura.example' },
    )
    const running = await startFaktura(config, undefined, { relayPollIntervalMs: POLL_INTERVAL_MS })
    try {
      const world = await createWorld(running.storage)
      const draft = await createInvoice(world.core, world.tenant, {
        contactId: world.contactId,
        lines: [{ productId: world.productId }],
      })
      const invoice = await approveInvoice(world.core, world.tenant, draft.invoiceId)
      const core = { storage: running.storage, clock: systemClock }
      const { outboxIds } = await sendInvoice(core, world.tenant, {
        invoiceId: invoice.invoiceId,
        email: { to: ['kund@example.se'] },
      })

      const entry = await firstMail(deliveryDirs(config.dataDir).mailOutbox, 10_000)

      expect(entry?.deliveryId).toBe(outboxIds.email)
      expect(entry?.subject).toBe(`Faktura ${invoice.number} från Test SE AB`)
      expect(entry?.to).toEqual([{ address: 'kund@example.se' }])
      expect(entry?.from).toEqual({ address: 'faktura@localhost', name: 'Test SE AB' })
      expect(entry?.attachments.map((file) => file.filename)).toEqual([`invoice-${invoice.number}.pdf`])
    } finally {
      await running.close()
    }
  })
})
