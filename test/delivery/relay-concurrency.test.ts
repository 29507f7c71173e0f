// Proves two relay processes draining one outbox at the same time never deliver a row twice, counted at a real HTTP receiver.

import { expect, test } from 'vitest'
import { OUTBOX_KINDS } from '../../src/delivery/relay/outbox-handler.ts'
import { newId } from '../../src/storage/ids.ts'
import { describeEachEngine } from '../support/engines.ts'
import { enqueueRows } from './fixtures/relay-fixtures.ts'
import { exitOrSettled, spawnRelay, stopRelay } from './fixtures/relay-processes.ts'
import { startCountingHttpServer } from './fixtures/relay-receivers.ts'

const ROW_COUNT = 300

describeEachEngine('two outbox relays at once', ({ databaseUrl, dataDir, storage }) => {
  test('deliver each row once between them, and both take a share', async () => {
    // A receiver that answers after a few milliseconds, so both relays have batches in flight.
    const receiver = await startCountingHttpServer(
      () => new Promise((resolve) => setTimeout(() => resolve(true), 1 + Math.random() * 3)),
    )
    const organizationId = newId()
    const url = `http://127.0.0.1:${receiver.port}/hooks`
    const rows = Array.from({ length: ROW_COUNT }, (_, n) => ({
      organizationId,
      kind: OUTBOX_KINDS.webhook,
      payload: { url, eventId: `event-${n}`, body: { n } },
    }))
    const ids = await enqueueRows(storage(), rows, new Date())
    const env = { DATABASE_URL: databaseUrl() ?? '', DATA_DIR: dataDir(), SMTP_PORT: '0' }
    const relays = [0, 1].map(() => spawnRelay({ mode: 'none', at: 0 }, env))

    const settledCounts = await (async () => {
      try {
        await exitOrSettled(relays[0]!, storage(), organizationId, performance.now() + 60_000)
        return await Promise.all(relays.map(stopRelay))
      } finally {
        for (const relay of relays) relay.child.kill('SIGKILL')
        await receiver.close()
      }
    })()

    expect(Object.fromEntries(receiver.counts)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])))
    expect(settledCounts[0]! + settledCounts[1]!).toBe(ROW_COUNT)
    expect(Math.min(...settledCounts)).toBeGreaterThan(0)
  }, 90_000)
})
