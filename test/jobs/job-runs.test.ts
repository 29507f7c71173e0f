// Proves the claim on a day's job run: one claimant gets it, others see it busy until it is done,
// a run whose lease ran out is taken over, and a taken-over claimant can no longer finish it.
import { expect, test } from 'vitest'
import { claimJobRun, finishJobRun, releaseJobRun, renewJobRun } from '../../src/jobs/job-runs.ts'
import { createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

const at = (iso: string) => new Date(iso)
const options = (claimedBy: string, now = '2026-11-02T10:00:00.000Z') => ({
  now: at(now),
  leaseMs: 60_000,
  claimedBy,
})

describeEachEngine('job run claims', ({ storage }) => {
  async function key(job: string) {
    const world = await createWorld(storage())
    return { organizationId: world.tenant.organizationId, job, runOn: '2026-11-02' }
  }

  test('the first claimant gets the run, the second finds it busy, then done', async () => {
    const run = await key('overdue')

    const first = await claimJobRun(storage(), run, options('a'))
    const second = await claimJobRun(storage(), run, options('b'))
    if (first.kind !== 'claimed') throw new Error('the first claim must win')
    await finishJobRun(storage(), first, 7, at('2026-11-02T10:00:01.000Z'))
    const third = await claimJobRun(storage(), run, options('b'))

    expect(second).toEqual({ kind: 'busy', claimedBy: 'a' })
    expect(third).toEqual({ kind: 'done' })
  })

  test('a run whose lease ran out is taken over, and the old claimant can neither renew nor finish it', async () => {
    const run = await key('dunning')
    const first = await claimJobRun(storage(), run, options('a'))
    if (first.kind !== 'claimed') throw new Error('the first claim must win')

    const taken = await claimJobRun(storage(), run, options('b', '2026-11-02T10:01:00.001Z'))
    const renewed = await renewJobRun(storage(), first, options('a', '2026-11-02T10:01:01.000Z'))
    await finishJobRun(storage(), first, 1, at('2026-11-02T10:01:02.000Z'))
    const afterStaleFinish = await claimJobRun(storage(), run, options('c', '2026-11-02T10:01:03.000Z'))

    expect(taken.kind).toBe('claimed')
    expect(renewed).toBe(false)
    expect(afterStaleFinish).toEqual({ kind: 'busy', claimedBy: 'b' })
  })

  test('a released run can be claimed again at once', async () => {
    const run = await key('dunning-clock')
    const first = await claimJobRun(storage(), run, options('a'))
    if (first.kind !== 'claimed') throw new Error('the first claim must win')

    await releaseJobRun(storage(), first, at('2026-11-02T10:00:00.000Z'))
    const again = await claimJobRun(storage(), run, options('b', '2026-11-02T10:00:00.001Z'))

    expect(again.kind).toBe('claimed')
  })
})
