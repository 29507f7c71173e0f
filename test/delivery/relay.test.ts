// Proves the outbox relay claims in bounded batches, retries with backoff, dead-letters, reclaims expired leases and logs every outcome.

import { expect, test } from 'vitest'
import { PermanentDeliveryError } from '../../src/delivery/permanent-delivery-error.ts'
import { listDeliveries } from '../../src/delivery/relay/delivery-log.ts'
import { createOutboxRelay } from '../../src/delivery/relay/outbox-relay.ts'
import { createSmsHandler } from '../../src/delivery/relay/sms-handler.ts'
import { createLocalSmsOutbox } from '../../src/delivery/sms/local-sms-outbox.ts'
import { newId } from '../../src/storage/ids.ts'
import { describeEachEngine } from '../support/engines.ts'
import {
  enqueueRows,
  manualClock,
  outboxRow,
  outboxStates,
  recordingHandler,
  runAfter,
  START,
} from './fixtures/relay-fixtures.ts'

const doubling = (attempt: number): number => 1_000 * 2 ** (attempt - 1)

function fixture() {
  return { organizationId: newId(), kind: `test.${newId()}`, clock: manualClock() }
}

describeEachEngine('outbox relay', ({ storage, dataDir }) => {
  test('claims due rows in batches of batchSize, oldest first', async () => {
    const { organizationId, kind, clock } = fixture()
    const ids = await enqueueRows(
      storage(),
      Array.from({ length: 5 }, (_, n) => ({ organizationId, kind, payload: { n } })),
    )
    const handler = recordingHandler()
    const relay = createOutboxRelay({
      storage: storage(),
      handlers: { [kind]: handler },
      batchSize: 2,
      now: clock.now,
    })

    const runs = [await relay.runOnce(), await relay.runOnce(), await relay.runOnce(), await relay.runOnce()]

    expect(runs.map((run) => run.claimed)).toEqual([2, 2, 1, 0])
    expect(runs.reduce((sum, run) => sum + run.delivered, 0)).toBe(5)
    expect(handler.sent).toEqual(ids)
    expect(await outboxStates(storage(), organizationId)).toEqual({ done: 5 })
  })

  test('leaves rows of kinds it has no handler for to other relays', async () => {
    const { organizationId, kind, clock } = fixture()
    const [otherId] = await enqueueRows(storage(), [{ organizationId, kind: `${kind}.other`, payload: {} }])
    const relay = createOutboxRelay({
      storage: storage(),
      handlers: { [kind]: recordingHandler() },
      now: clock.now,
    })

    const run = await relay.runOnce()

    expect(run.claimed).toBe(0)
    expect((await outboxRow(storage(), otherId!)).state).toBe('pending')
  })

  test('waits out the backoff between attempts and dead-letters after maxAttempts', async () => {
    const { organizationId, kind, clock } = fixture()
    const [id] = await enqueueRows(storage(), [{ organizationId, kind, payload: { invoiceId: 'inv-1' } }])
    const handler = recordingHandler()
    handler.failWith = new Error('connect ECONNREFUSED 127.0.0.1:25')
    const relay = createOutboxRelay({
      storage: storage(),
      handlers: { [kind]: handler },
      maxAttempts: 3,
      backoff: doubling,
      now: clock.now,
    })

    const first = await relay.runOnce()
    const tooEarly = await relay.runOnce()
    const afterFirstBackoff = await runAfter(clock, 1_000, relay)
    const beforeSecondBackoff = await runAfter(clock, 1_999, relay)
    const last = await runAfter(clock, 1, relay)

    expect([
      first.failed,
      tooEarly.claimed,
      afterFirstBackoff.failed,
      beforeSecondBackoff.claimed,
      last.dead,
    ]).toEqual([1, 0, 1, 0, 1])
    const row = await outboxRow(storage(), id!)
    expect(row).toMatchObject({ state: 'dead', attempts: 3, last_error: 'connect ECONNREFUSED 127.0.0.1:25' })
    const log = await listDeliveries(storage(), organizationId, { invoiceId: 'inv-1' })
    expect(log.map((entry) => [entry.status, entry.attempt])).toEqual([
      ['failed', 1],
      ['failed', 2],
      ['dead', 3],
    ])
  })

  test("a handler's own retry schedule replaces the relay's for its rows", async () => {
    const { organizationId, kind, clock } = fixture()
    const [id] = await enqueueRows(storage(), [{ organizationId, kind, payload: {} }])
    const recording = recordingHandler()
    recording.failWith = new Error('503 busy')
    const handler = {
      ...recording,
      retry: { maxAttempts: 2, backoff: (attempt: number) => attempt * 60_000 },
    }
    const relay = createOutboxRelay({
      storage: storage(),
      handlers: { [kind]: handler },
      maxAttempts: 10,
      backoff: doubling,
      now: clock.now,
    })

    const first = await relay.runOnce()
    const relaysBackoff = await runAfter(clock, 1_000, relay)
    const beforeOwn = await runAfter(clock, 58_999, relay)
    const atOwn = await runAfter(clock, 1, relay)

    expect([first.failed, relaysBackoff.claimed, beforeOwn.claimed, atOwn.dead]).toEqual([1, 0, 0, 1])
    expect(await outboxRow(storage(), id!)).toMatchObject({ state: 'dead', attempts: 2 })
  })

  test('schedules the next attempt by the backoff of the attempt that failed', async () => {
    const { organizationId, kind, clock } = fixture()
    const [id] = await enqueueRows(storage(), [{ organizationId, kind, payload: {} }])
    const handler = recordingHandler()
    handler.failWith = new Error('451 try again later')
    const relay = createOutboxRelay({
      storage: storage(),
      handlers: { [kind]: handler },
      backoff: doubling,
      now: clock.now,
    })

    await relay.runOnce()

    const row = await outboxRow(storage(), id!)
    expect(row).toMatchObject({ state: 'pending', attempts: 1, claim_token: null, attempt_started_at: null })
    expect(row.next_attempt_at).toBe(new Date(START.getTime() + 1_000).toISOString())
  })

  test('dead-letters a permanent failure at once, whatever maxAttempts allows', async () => {
    const { organizationId, kind, clock } = fixture()
    const [id] = await enqueueRows(storage(), [{ organizationId, kind, payload: { invoiceId: 'inv-2' } }])
    const handler = recordingHandler()
    handler.failWith = new PermanentDeliveryError('550 no such mailbox', { field: 'to' })
    const relay = createOutboxRelay({ storage: storage(), handlers: { [kind]: handler }, now: clock.now })

    const run = await relay.runOnce()

    expect(run).toEqual({ claimed: 1, delivered: 0, failed: 0, dead: 1 })
    expect((await outboxRow(storage(), id!)).state).toBe('dead')
    const [entry] = await listDeliveries(storage(), organizationId, { invoiceId: 'inv-2' })
    expect(entry).toMatchObject({
      status: 'dead',
      attempt: 1,
      detail: { error: '550 no such mailbox', field: 'to' },
    })
  })

  test('dead-letters a row whose payload its handler refuses, naming the field', async () => {
    const { organizationId, kind, clock } = fixture()
    const [id] = await enqueueRows(storage(), [
      { organizationId, kind, payload: { invoiceId: 'inv-4', text: 'Hej' } },
    ])
    const relay = createOutboxRelay({
      storage: storage(),
      handlers: { [kind]: createSmsHandler({ transport: createLocalSmsOutbox({ dir: dataDir() }) }) },
      now: clock.now,
    })

    const run = await relay.runOnce()

    expect(run.dead).toBe(1)
    expect(await outboxRow(storage(), id!)).toMatchObject({ state: 'dead', attempts: 1 })
    const [entry] = await listDeliveries(storage(), organizationId)
    expect(entry).toMatchObject({
      status: 'dead',
      channel: 'sms',
      recipient: null,
      detail: { error: 'payload.to must be a non-empty string', field: 'to' },
    })
  })

  test('lists the delivery log per invoice and per case, oldest first', async () => {
    const { organizationId, kind, clock } = fixture()
    await enqueueRows(storage(), [
      { organizationId, kind, payload: { invoiceId: 'inv-a', caseId: 'case-1', to: 'a@example.test' } },
      { organizationId, kind, payload: { invoiceId: 'inv-b', caseId: 'case-1', to: 'b@example.test' } },
      { organizationId, kind, payload: { invoiceId: 'inv-a', caseId: 'case-1', to: 'c@example.test' } },
    ])
    const relay = createOutboxRelay({
      storage: storage(),
      handlers: { [kind]: recordingHandler() },
      now: clock.now,
    })

    await relay.runOnce()

    const forInvoice = await listDeliveries(storage(), organizationId, { invoiceId: 'inv-a' })
    const forCase = await listDeliveries(storage(), organizationId, { caseId: 'case-1' })
    const elsewhere = await listDeliveries(storage(), newId(), { invoiceId: 'inv-a' })
    expect(forInvoice.map((entry) => [entry.recipient, entry.status, entry.channel])).toEqual([
      ['a@example.test', 'sent', 'email'],
      ['c@example.test', 'sent', 'email'],
    ])
    expect(forCase).toHaveLength(3)
    expect(elsewhere).toEqual([])
  })
})
