// Proves that SIGKILLing the relay process mid-batch, many times over, still delivers every outbox row exactly once, counted at real receivers.
//
// The relay runs in a child process (fixtures/relay-crash-child.ts) with the real SMTP
// transport and postWebhook, against a real smtp-server and a real node:http server here on
// 127.0.0.1. The receivers deduplicate nothing and count a message only when they accept it.
// The test kills the relay 20 times, cycling through the three points where a crash can land:
//   after-settle  between rows: an outcome was just committed, the next row not yet started;
//   before-send   the "attempt started" marker is committed, the transport not yet called;
//   receiver      mid-send: the receiver holds the complete message and kills the relay
//                 before it accepts, then refuses it, as a real server does when the
//                 connection dies before its reply.
// Each kill lands at the n-th such point of its process (n = 1 to 3, from a seeded random), so
// most land mid-batch, with claimed rows left behind that must be reclaimed after their lease.
//
// The one window the test never kills in is the one no sender can close on its own: after a
// receiver accepted a message and before the relay committed that. A crash there resends the
// message (with the same delivery id and Message-ID, so a deduplicating receiver drops it).
// The relay keeps that window to one short commit right after the reply, and the receivers
// here could only land a kill inside it by racing the relay's commit, which would test the
// scheduler, not the relay. Everything outside the window must be exactly once, and is.

import { expect, test } from 'vitest'
import { enqueueOutbox } from '../../src/core/events/record-event.ts'
import { listDeliveries } from '../../src/delivery/relay/delivery-log.ts'
import { OUTBOX_KINDS } from '../../src/delivery/relay/outbox-handler.ts'
import type { Storage } from '../../src/storage/database.ts'
import { newId } from '../../src/storage/ids.ts'
import { describeEachEngine } from '../support/engines.ts'
import {
  exitOrSettled,
  type KillPlan,
  type RelayProcess,
  spawnRelay,
  stopRelay,
} from './fixtures/relay-processes.ts'
import { type Decide, startCountingHttpServer, startCountingSmtpServer } from './fixtures/relay-receivers.ts'

const KILL_COUNT = 20
const ROWS_PER_CHANNEL = 40
const KILL_MODES = ['after-settle', 'before-send', 'receiver'] as const

/** A small seeded generator (mulberry32), so a failing run can be replayed with its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

async function enqueueDeliveries(storage: Storage, organizationId: string, webhookUrl: string) {
  const createdAt = new Date().toISOString()
  return storage.db.transaction().execute(async (tx) => {
    const emails: string[] = []
    const webhooks: string[] = []
    for (let n = 0; n < ROWS_PER_CHANNEL; n++) {
      const email = {
        invoiceId: `inv-${n}`,
        from: { address: 'billing@acme.example' },
        to: [{ address: `customer-${n}@example.test` }],
        subject: `Invoice ${n}`,
        text: `Invoice ${n} is attached.`,
      }
      emails.push(
        await enqueueOutbox(tx, { organizationId, kind: OUTBOX_KINDS.email, payload: email, createdAt }),
      )
      const webhook = { invoiceId: `inv-${n}`, url: webhookUrl, eventId: `event-${n}`, body: { n } }
      webhooks.push(
        await enqueueOutbox(tx, { organizationId, kind: OUTBOX_KINDS.webhook, payload: webhook, createdAt }),
      )
    }
    return { emails, webhooks }
  })
}

describeEachEngine('outbox relay under SIGKILL', ({ storage, databaseUrl, dataDir }) => {
  test('delivers every row exactly once to an SMTP server and a webhook receiver across 20 kills', async () => {
    const seed = Number(process.env.RELAY_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31))
    const random = seededRandom(seed)
    let current: RelayProcess | undefined
    const decide: Decide = async () => {
      const generation = current
      // Bytes a killed relay left in a socket buffer are not a message anyone still waits for.
      if (!generation || generation.killed) return false
      generation.arrivals++
      if (generation.plan.mode === 'receiver' && generation.arrivals === generation.plan.at) {
        generation.killed = generation.child.kill('SIGKILL')
        await generation.exited
        return false
      }
      // A slow receiver, so that the relay spends its time waiting where kills are safe to land.
      await new Promise((resolve) => setTimeout(resolve, 2 + random() * 8))
      return current === generation && !generation.killed && generation.child.exitCode === null
    }
    const smtp = await startCountingSmtpServer(decide)
    const http = await startCountingHttpServer(decide)
    const organizationId = newId()
    const { emails, webhooks } = await enqueueDeliveries(
      storage(),
      organizationId,
      `http://127.0.0.1:${http.port}/hooks`,
    )
    const env = { DATABASE_URL: databaseUrl() ?? '', DATA_DIR: dataDir(), SMTP_PORT: String(smtp.port) }
    const plans: KillPlan[] = []
    for (let n = 0; n < KILL_COUNT; n++)
      plans.push({ mode: KILL_MODES[n % KILL_MODES.length]!, at: 1 + Math.floor(random() * 3) })
    plans.push({ mode: 'none', at: 0 })
    const deadlineMs = performance.now() + 75_000
    const kills: string[] = []

    try {
      for (const plan of plans) {
        const generation = spawnRelay(plan, env)
        current = generation
        if ((await exitOrSettled(generation, storage(), organizationId, deadlineMs)) === 'settled') {
          await stopRelay(generation)
          break
        }
        const { code, signal } = await generation.exited
        if (signal !== 'SIGKILL')
          throw new Error(`relay exited with ${code ?? signal}:\n${generation.stderr}`)
        kills.push(plan.mode)
      }
    } finally {
      current?.child.kill('SIGKILL')
      await Promise.all([smtp.close(), http.close()])
    }

    const why = `seed ${seed}; kills ${kills.join(', ')}`
    expect(kills, why).toHaveLength(KILL_COUNT)
    expect(Object.fromEntries(smtp.counts), why).toEqual(Object.fromEntries(emails.map((id) => [id, 1])))
    expect(Object.fromEntries(http.counts), why).toEqual(Object.fromEntries(webhooks.map((id) => [id, 1])))
    const log = await listDeliveries(storage(), organizationId)
    const sent = log.filter((entry) => entry.status === 'sent').map((entry) => entry.deliveryId)
    expect(sent.sort(), why).toEqual([...emails, ...webhooks].sort())
    const interrupted = log.filter((entry) => entry.status === 'interrupted').length
    expect(interrupted, why).toBe(kills.filter((mode) => mode !== 'after-settle').length)
  }, 90_000)
})
