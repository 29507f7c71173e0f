// Creates, changes, stops and deletes recurring invoices. The invariants it protects: a template
// is a draft the core would accept (resolved by the same rules as an invoice draft, so a series
// never fails on its first day for a bad line), the schedule is whole (cycle, dates, count), and
// the next creation day is always the anchor's next occurrence within the series' limits.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { invalidField, notFound } from '../../domain/errors.ts'
import { checkRecurrence, type Recurrence } from '../../domain/recurring/recurrence.ts'
import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { takeCounter } from '../counters/take-counter.ts'
import { resolveDraft } from '../invoices/resolve-draft.ts'
import {
  encodeTemplate,
  lockRecurring,
  RECURRING_ACTIONS,
  type Recurring,
  type RecurringAction,
  type RecurringEmail,
  type RecurringLetter,
  type RecurringTemplate,
  recurringFromRow,
} from './recurring-record.ts'

export type RecurringInput = Readonly<{
  contactId: string
  template: RecurringTemplate
  recurrence: Recurrence
  startOn: string
  endOn?: string | null
  /** The first (or, on a change, the next) creation day; the start day when absent. */
  nextCreationOn?: string | null
  iterations?: number | null
  action?: RecurringAction
  email?: RecurringEmail
  letter?: RecurringLetter
  extra?: Readonly<Record<string, unknown>>
}>

/** A change names only what changes; `nextCreationOn: null` stops the series. */
export type RecurringPatch = Partial<RecurringInput>

/** A count beyond this is no count at all: ask for none. */
export const MAX_ITERATIONS = 10_000

const NO_EMAIL: RecurringEmail = { to: [], cc: [], bcc: [] }

type Schedule = Pick<
  Recurring,
  'recurrence' | 'startOn' | 'endOn' | 'anchorOn' | 'anchorSteps' | 'nextCreationOn' | 'iterations'
>

function checkIterations(iterations: number | null): number | null {
  if (iterations === null) return null
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)
    throw invalidField('iterations', `iterations must be a whole number from 1 to ${MAX_ITERATIONS}`)
  return iterations
}

function checkAction(action: RecurringAction): RecurringAction {
  if (!RECURRING_ACTIONS.includes(action))
    throw invalidField('action', `action must be one of ${RECURRING_ACTIONS.join(', ')}`)
  return action
}

/** The schedule after a change; the anchor moves only when the dates or the cycle change. */
function scheduleOf(current: Schedule | undefined, patch: RecurringPatch, createdCount: number): Schedule {
  const recurrence = checkRecurrence(
    patch.recurrence ?? current?.recurrence ?? { cycle: 'monthly', cycleNumber: 1 },
  )
  const startOn = parseIsoDate(patch.startOn ?? current?.startOn, 'startOn')
  const endOn = patch.endOn === undefined ? (current?.endOn ?? null) : patch.endOn
  if (endOn !== null && parseIsoDate(endOn, 'endOn') < startOn)
    throw invalidField('endOn', 'the end date must not be before the start date')
  const iterations = checkIterations(
    patch.iterations === undefined ? (current?.iterations ?? null) : patch.iterations,
  )
  const given = patch.nextCreationOn
  if (given) parseIsoDate(given, 'nextCreationOn')
  const reanchor =
    !current || given !== undefined || patch.startOn !== undefined || patch.recurrence !== undefined
  let anchorOn = current?.anchorOn ?? startOn
  let anchorSteps = current?.anchorSteps ?? 0
  let next = current?.nextCreationOn ?? null
  if (reanchor) {
    anchorOn =
      given ?? (patch.startOn !== undefined || !current ? startOn : (current.nextCreationOn ?? startOn))
    anchorSteps = 0
    next =
      given === null || (current && current.nextCreationOn === null && given === undefined) ? null : anchorOn
  }
  if (
    next !== null &&
    ((endOn !== null && next > endOn) || (iterations !== null && createdCount >= iterations))
  )
    next = null
  return { recurrence, startOn, endOn, anchorOn, anchorSteps, nextCreationOn: next, iterations }
}

function scheduleColumns(schedule: Schedule) {
  return {
    cycle: schedule.recurrence.cycle,
    cycle_number: schedule.recurrence.cycleNumber,
    start_on: schedule.startOn,
    end_on: schedule.endOn,
    anchor_on: schedule.anchorOn,
    anchor_steps: schedule.anchorSteps,
    next_creation_on: schedule.nextCreationOn,
    iterations: schedule.iterations,
  }
}

/** Refuses a template the core would not accept as a draft of the contact. */
async function checkTemplate(tx: Tx, tenant: Tenant, contactId: string, template: RecurringTemplate) {
  await resolveDraft(tx, tenant, { ...template, contactId })
}

export async function createRecurring(
  context: CoreContext,
  tenant: Tenant,
  input: RecurringInput,
): Promise<Recurring> {
  const org = tenant.organizationId
  const schedule = scheduleOf(undefined, input, 0)
  const action = checkAction(input.action ?? 'draft')
  const now = nowIso(context)
  return context.storage.db.transaction().execute(async (tx) => {
    await checkTemplate(tx, tenant, input.contactId, input.template)
    const recurringNo = await takeCounter(context.storage, tx, org, 'recurring')
    const row = await tx
      .insertInto('recurrings')
      .values({
        organization_id: org,
        recurring_id: newId(),
        recurring_no: recurringNo,
        contact_id: input.contactId,
        template: encodeTemplate(input.template),
        ...scheduleColumns(schedule),
        created_count: 0,
        action,
        email: JSON.stringify(input.email ?? NO_EMAIL),
        letter: JSON.stringify(input.letter ?? {}),
        extra: JSON.stringify(input.extra ?? {}),
        last_invoice_id: null,
        last_created_on: null,
        failed_on: null,
        failure: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return recurringFromRow(row)
  })
}

async function changeLocked<T>(
  context: CoreContext,
  tenant: Tenant,
  recurringId: string,
  work: (tx: Tx, current: Recurring) => Promise<T>,
): Promise<T> {
  return context.storage.db.transaction().execute(async (tx) => {
    const current = await lockRecurring(context.storage, tx, tenant.organizationId, recurringId)
    if (!current) throw notFound('recurring', recurringId)
    return work(tx, current)
  })
}

export async function updateRecurring(
  context: CoreContext,
  tenant: Tenant,
  recurringId: string,
  patch: RecurringPatch,
): Promise<Recurring> {
  return changeLocked(context, tenant, recurringId, async (tx, current) => {
    const contactId = patch.contactId ?? current.contactId
    const template = patch.template ?? current.template
    if (patch.contactId !== undefined || patch.template !== undefined)
      await checkTemplate(tx, tenant, contactId, template)
    const schedule = scheduleOf(current, patch, current.createdCount)
    const row = await tx
      .updateTable('recurrings')
      .set({
        contact_id: contactId,
        template: encodeTemplate(template),
        ...scheduleColumns(schedule),
        action: checkAction(patch.action ?? current.action),
        email: JSON.stringify(patch.email ?? current.email),
        letter: JSON.stringify(patch.letter ?? current.letter),
        extra: JSON.stringify(patch.extra ?? current.extra),
        // A change may mend what failed today: the job tries again.
        failed_on: null,
        failure: null,
        updated_at: nowIso(context),
      })
      .where('organization_id', '=', tenant.organizationId)
      .where('recurring_id', '=', recurringId)
      .returningAll()
      .executeTakeFirstOrThrow()
    return recurringFromRow(row)
  })
}

/** Ends the series: no invoice is made from it until a new next creation day is set. */
export async function stopRecurring(
  context: CoreContext,
  tenant: Tenant,
  recurringId: string,
): Promise<Recurring> {
  return updateRecurring(context, tenant, recurringId, { nextCreationOn: null })
}

/** Deletes the series; the invoices it made stay, as every issued invoice does. */
export async function deleteRecurring(
  context: CoreContext,
  tenant: Tenant,
  recurringId: string,
): Promise<void> {
  await changeLocked(context, tenant, recurringId, async (tx) => {
    await tx
      .deleteFrom('recurrings')
      .where('organization_id', '=', tenant.organizationId)
      .where('recurring_id', '=', recurringId)
      .execute()
  })
}
