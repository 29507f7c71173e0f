// Decides the next dunning step of one overdue invoice on a day: the next reminder, collection, or
// nothing. The invariants it protects: never two steps on one day, never a step before the pay-by
// day the previous reminder gave has passed, and steps counted in overdue days, which stand still
// under a respite, so a respite pauses the whole schedule and it resumes where it stopped.

export type DunningPlan = Readonly<{
  automaticReminders: boolean
  reminderDays: readonly number[]
  automaticCollection: boolean
  collectionAfterDays: number
}>

export type DunningProgress = Readonly<{
  /** Reminders sent so far; the next one is level + 1. */
  level: number
  /** Days the invoice has been overdue, respites left out. */
  overdueDays: number
  lastRemindedOn: string | null
  lastPayByOn: string | null
}>

export type DunningStep = Readonly<{ kind: 'remind'; level: number }> | Readonly<{ kind: 'collect' }>

export function nextDunningStep(
  plan: DunningPlan,
  progress: DunningProgress,
  today: string,
): DunningStep | undefined {
  if (progress.lastRemindedOn !== null && progress.lastRemindedOn >= today) return undefined
  if (progress.lastPayByOn !== null && progress.lastPayByOn >= today) return undefined
  const nextReminderDay = plan.reminderDays[progress.level]
  if (nextReminderDay !== undefined) {
    return plan.automaticReminders && progress.overdueDays >= nextReminderDay
      ? { kind: 'remind', level: progress.level + 1 }
      : undefined
  }
  const lastReminderDay = plan.reminderDays.at(-1) ?? 0
  return plan.automaticCollection && progress.overdueDays >= lastReminderDay + plan.collectionAfterDays
    ? { kind: 'collect' }
    : undefined
}
