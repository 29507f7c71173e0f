// Proves the dunning schedule: reminders on their overdue days, never two steps on one day or
// before the last pay-by day, and collection only after the last reminder.
import { describe, expect, it } from 'vitest'
import { type DunningPlan, type DunningProgress, nextDunningStep } from './dunning-plan.ts'

const plan: DunningPlan = {
  automaticReminders: true,
  reminderDays: [7, 21, 35],
  automaticCollection: true,
  collectionAfterDays: 14,
}
const fresh: DunningProgress = { level: 0, overdueDays: 0, lastRemindedOn: null, lastPayByOn: null }

describe('nextDunningStep', () => {
  it('sends the first reminder on overdue day 7, not before', () => {
    expect(nextDunningStep(plan, { ...fresh, overdueDays: 6 }, '2026-01-10')).toBeUndefined()
    expect(nextDunningStep(plan, { ...fresh, overdueDays: 7 }, '2026-01-11')).toEqual({
      kind: 'remind',
      level: 1,
    })
  })

  it('never takes a second step on the day of a reminder', () => {
    const progress = { level: 1, overdueDays: 30, lastRemindedOn: '2026-01-11', lastPayByOn: null }

    expect(nextDunningStep(plan, progress, '2026-01-11')).toBeUndefined()
  })

  it('waits until the pay-by day of the last reminder has passed', () => {
    const progress = { level: 1, overdueDays: 30, lastRemindedOn: '2026-01-11', lastPayByOn: '2026-01-21' }

    expect(nextDunningStep(plan, progress, '2026-01-21')).toBeUndefined()
    expect(nextDunningStep(plan, progress, '2026-01-22')).toEqual({ kind: 'remind', level: 2 })
  })

  it('sends nothing when automatic reminders are off', () => {
    expect(
      nextDunningStep({ ...plan, automaticReminders: false }, { ...fresh, overdueDays: 90 }, '2026-03-01'),
    ).toBeUndefined()
  })

  it('goes to collection collectionAfterDays after the last reminder day', () => {
    const progress = { level: 3, overdueDays: 48, lastRemindedOn: '2026-02-08', lastPayByOn: '2026-02-18' }

    expect(nextDunningStep(plan, progress, '2026-02-21')).toBeUndefined()
    expect(nextDunningStep(plan, { ...progress, overdueDays: 49 }, '2026-02-22')).toEqual({ kind: 'collect' })
    expect(
      nextDunningStep(
        { ...plan, automaticCollection: false },
        { ...progress, overdueDays: 49 },
        '2026-02-22',
      ),
    ).toBeUndefined()
  })
})
