// What the recipient of an invoice can do on its page: write to the sender, or ask for more time
// to pay. Both are recorded as events of the case and announced to the sender's webhooks; asking
// for respite records the request only, since granting it is the sender's decision.

import { addDays, parseIsoDate } from '../../domain/calendar/dates.ts'
import { invalidField } from '../../domain/errors.ts'
import { type CoreContext, nowIso } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { getCaseByToken } from './get-case-by-token.ts'

const MAX_MESSAGE_LENGTH = 4000
const MAX_RESPITE_DAYS = 90

function checkedText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw invalidField(field, `${field} must not be empty`)
  if (value.length > MAX_MESSAGE_LENGTH)
    throw invalidField(field, `${field} must be at most ${MAX_MESSAGE_LENGTH} characters`)
  return value.trim()
}

export async function postRecipientMessage(
  context: CoreContext,
  token: string,
  input: { message: unknown; name?: unknown },
): Promise<void> {
  const view = await getCaseByToken(context, token)
  const message = checkedText(input.message, 'message')
  const name = typeof input.name === 'string' ? input.name.trim().slice(0, 200) : ''
  await context.storage.db.transaction().execute((tx) =>
    recordAndAnnounce(tx, {
      organizationId: view.organizationId,
      caseId: view.caseId,
      type: 'case.customer_message',
      data: { message, name },
      visibleToRecipient: true,
      occurredAt: nowIso(context),
    }),
  )
}

export async function requestRespite(
  context: CoreContext,
  token: string,
  input: { until: unknown; reason?: unknown },
): Promise<void> {
  const view = await getCaseByToken(context, token)
  const until = parseIsoDate(input.until, 'until')
  const invoice = view.invoices.find((candidate) => candidate.kind === 'invoice' && candidate.dueDate)
  const dueDate = invoice?.dueDate
  if (!dueDate || until <= dueDate)
    throw invalidField('until', `ask for a date after the due date${dueDate ? ` ${dueDate}` : ''}`)
  if (until > addDays(dueDate, MAX_RESPITE_DAYS))
    throw invalidField(
      'until',
      `respite can be asked for at most ${MAX_RESPITE_DAYS} days after the due date`,
    )
  const reason = typeof input.reason === 'string' ? input.reason.trim().slice(0, MAX_MESSAGE_LENGTH) : ''
  await context.storage.db.transaction().execute((tx) =>
    recordAndAnnounce(tx, {
      organizationId: view.organizationId,
      caseId: view.caseId,
      invoiceId: invoice?.invoiceId ?? null,
      type: 'case.respite_requested',
      data: { until, reason },
      visibleToRecipient: true,
      occurredAt: nowIso(context),
    }),
  )
}
