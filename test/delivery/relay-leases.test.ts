// Proves a relay's claim is a lease: it expires after a crash, it guards every later write, it skips rows locked by another claim, and stop hands it back.

import { expect, test } from 'vitest'
import { claimOutboxRows } from '../../src/delivery/relay/claim-outbox-rows.ts'
import { listDeliveries } from '../../src/delivery/relay/delivery-log.ts'
import { createOutboxRelay } from '../../src/delivery/relay/outbox-relay.ts'
import { startAttempt } from '../../src/delivery/relay/settle-outbox-row.ts'
import { newId } from '../../src/storage/ids.ts'
import { describeEachEngine } from '../support/engines.ts'
import { enqueueRows, manualClock, outboxRow, recordingHandler, runAfter } from './fixtures/relay-fixtures.ts'

function fixture() {
  return { organizationId: newId(), kind: `test.${newId()}`, clock: manualClock() }
}

describeEachEngine('outbox relay leases', ({ engine, storage }) => {
  test('reclaims a row whose lease expired mid-attempt and logs the interrupted attempt', async () => {
    const { organizationId, kind, clock } = fixture()
    const [id] = await enqueueRows(storage(), [{ organizationId, kind, payload: { invoiceId: 'inv-3' } }])
    const target = {
      channel: 'email',
      recipient: 'a@example.test',
      caseId: null,
      invoiceId: 'inv-3',
    } as const
    const [crashed] = await claimOutboxRows(storage(), {
      kinds: [kind],
      limit: 1,
      now: clock.now(),
      leaseMs: 60_000,
      claimToken: newId(),
      claimedBy: 'crashed-relay',
    })
    await startAttempt(storage(), crashed!, target, { now: clock.now(), leaseMs: 60_000 })
    const handler = recordingHandler()
    const relay = createOutboxRelay({
      storage: storage(),
      handlers: { [kind]: handler },
      leaseMs: 60_000,
      attemptTimeoutMs: 1_000,
      now: clock.now,
    })

    const duringLease = await runAfter(clock, 59_999, relay)
    const afterLease = await runAfter(clock, 1, relay)

    expect([duringLease.claimed, afterLease.delivered]).toEqual([0, 1])
    expect(handler.sent).toEqual([id])
    expect(await outboxRow(storage(), id!)).toMatchObject({ state: 'done', attempts: 2 })
    const log = await listDeliveries(storage(), organizationId, { invoiceId: 'inv-3' })
    expect(log.map((entry) => [entry.status, entry.attempt])).toEqual([
      ['interrupted', 1],
      ['sent', 2],
    ])
  })

  test.skipIf(engine !== 'postgres')(
    'passes over rows another claim has locked instead of waiting',
    async () => {
      const { organizationId, kind, clock } = fixture()
      const ids = await enqueueRows(
        storage(),
        [0, 1, 2].map((n) => ({ organizationId, kind, payload: { n } })),
      )
      const claim = { kinds: [kind], limit: 2, now: clock.now(), leaseMs: 60_000, claimedBy: 'test' }
      let releaseLock: () => void = () => {}
      const held = new Promise<void>((resolve) => {
        releaseLock = resolve
      })
      let locked: () => void = () => {}
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve
      })
      const holder = storage()
        .db.transaction()
        .execute(async (tx) => {
          await tx
            .selectFrom('outbox')
            .select('outbox_id')
            .where('outbox_id', '=', ids[0]!)
            .forUpdate()
            .execute()
          locked()
          await held
        })
      await lockTaken

      const claimed = await claimOutboxRows(storage(), { ...claim, claimToken: newId() })
      releaseLock()
      await holder

      expect(claimed.map((row) => row.outboxId)).toEqual([ids[1], ids[2]])
    },
  )

  test('changes nothing for a row whose claim another relay took over', async () => {
    const { organizationId, kind, clock } = fixture()
    const [id] = await enqueueRows(storage(), [{ organizationId, kind, payload: {} }])
    const claim = { kinds: [kind], limit: 1, leaseMs: 1_000, claimedBy: 'test' }
    const [stale] = await claimOutboxRows(storage(), { ...claim, now: clock.now(), claimToken: newId() })
    clock.advance(1_000)
    await claimOutboxRows(storage(), { ...claim, now: clock.now(), claimToken: newId() })
    const target = { channel: 'email', recipient: null, caseId: null, invoiceId: null } as const

    const attempt = await startAttempt(storage(), stale!, target, { now: clock.now(), leaseMs: 1_000 })

    expect(attempt).toBeNull()
    expect((await outboxRow(storage(), id!)).attempts).toBe(0)
  })

  test('stop lets the row in flight settle and hands back the rest of the batch', async () => {
    const { organizationId, kind } = fixture()
    const ids = await enqueueRows(
      storage(),
      [0, 1, 2].map((n) => ({ organizationId, kind, payload: { n } })),
    )
    let stopped: Promise<void> | undefined
    const relay = createOutboxRelay({
      storage: storage(),
      handlers: {
        [kind]: {
          channel: 'sms',
          prepare: () => ({
            recipient: '+46701234567',
            caseId: null,
            invoiceId: null,
            async send() {
              stopped ??= relay.stop()
              return {}
            },
          }),
        },
      },
      batchSize: 3,
      pollIntervalMs: 10,
    })

    relay.start()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await stopped

    const rows = await Promise.all(ids.map((id) => outboxRow(storage(), id)))
    expect(rows.map((row) => [row.state, row.claim_token])).toEqual([
      ['done', null],
      ['pending', null],
      ['pending', null],
    ])
  })
})
