// Respite: the sender gives the customer until a later date to pay. The invoice's due date moves
// to that date (so dunning and the overdue job wait for it, and an overdue invoice is open again),
// and the original due date is kept, so removing the respite restores it. The invariant it
// protects: a respite only ever lies after the due date it postpones.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from '../invoices/lock-invoice.ts'

/** The due date before any respite, and the respite in force, as kept in the invoice's extra. */
export type RespiteState = Readonly<{ originalDueDate: string; respiteUntil: string }>

export function respiteOf(invoice: Invoice): RespiteState | undefined {
  const respite = invoice.extra.respite
  return typeof respite === 'object' && respite !== null ? (respite as RespiteState) : undefined
}

function withoutRespite(invoice: Invoice): Readonly<Record<string, unknown>> {
  const { respite: _removed, ...rest } = invoice.extra
  return rest
}

export async function grantRespiteWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  invoiceId: string,
  until: unknown,
): Promise<void> {
  const org = tenant.organizationId
  const date = parseIsoDate(until, 'date')
  const invoice = await lockInvoice(context.storage, tx, org, invoiceId)
  const state = nextState(invoice.state, 'grantRespite')
  const originalDueDate = respiteOf(invoice)?.originalDueDate ?? invoice.dueDate
  if (!invoice.dueDate || !originalDueDate)
    throw new DomainError('wrong_state', 'the invoice has no due date to postpone')
  if (date <= originalDueDate)
    throw invalidField('date', `a respite must end after the due date ${originalDueDate}`)
  const now = nowIso(context)
  const respite: RespiteState = { originalDueDate, respiteUntil: date }
  await saveLockedInvoice(
    tx,
    org,
    invoice,
    { state, due_date: date, extra: JSON.stringify({ ...invoice.extra, respite }) },
    now,
  )
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: 'invoice.respite_granted',
    caseId: invoice.caseId,
    invoiceId,
    data: { until: date, originalDueDate },
    visibleToRecipient: true,
    occurredAt: now,
  })
}

export async function removeRespiteWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  invoiceId: string,
): Promise<void> {
  const org = tenant.organizationId
  const invoice = await lockInvoice(context.storage, tx, org, invoiceId)
  const respite = respiteOf(invoice)
  if (!respite)
    throw new DomainError('wrong_state', 'the invoice has no respite to remove', { state: invoice.state })
  const today = todayFor(context, (await organizationOf(tx, org)).clock_offset_days)
  // Back to the original due date: if that has passed, the invoice is overdue again at once.
  const late = invoice.state === 'open' && respite.originalDueDate < today
  const now = nowIso(context)
  await saveLockedInvoice(
    tx,
    org,
    invoice,
    {
      ...(late ? { state: nextState(invoice.state, 'becomeOverdue') } : {}),
      due_date: respite.originalDueDate,
      extra: JSON.stringify(withoutRespite(invoice)),
    },
    now,
  )
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: 'invoice.respite_removed',
    caseId: invoice.caseId,
    invoiceId,
    data: { dueDate: respite.originalDueDate },
    visibleToRecipient: true,
    occurredAt: now,
  })
  if (late)
    await recordAndAnnounce(tx, {
      organizationId: org,
      type: 'invoice.overdue',
      caseId: invoice.caseId,
      invoiceId,
      data: { dueDate: respite.originalDueDate },
      occurredAt: now,
    })
}
