// Records what a collection or factoring partner did with a case it was handed: for collection,
// money collected (a payment, which ends the case when it covers the claim), the claim given up (a
// write-off of what is left) or the case called off (back to the organization, open again); for
// factoring, the claim bought (the partner's payment settles it, what it kept is a fee) or refused
// (back to the organization, open again). Each goes through the use case that owns its rule, in
// one transaction with the outcome, kept on the invoice and in its event; the built-in operator
// partner records its outcomes this way from the CLI.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice, saveLockedInvoice } from '../invoices/lock-invoice.ts'
import { writeOffInvoice } from '../invoices/write-off-invoice.ts'
import { recordPayment } from '../payments/record-payment.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { type HandoverKind, handoverOf } from './collection-partner.ts'
import { loadDunningFacts } from './dunning-facts.ts'
import { saveDunningRow } from './dunning-record.ts'

export const COLLECTION_OUTCOMES = ['paid', 'written_off', 'cancelled', 'sold', 'denied'] as const
export type CollectionOutcome = (typeof COLLECTION_OUTCOMES)[number]

/** The outcomes each kind of partner may report. */
export const OUTCOMES_OF: Readonly<Record<HandoverKind, readonly CollectionOutcome[]>> = {
  collection: ['paid', 'written_off', 'cancelled'],
  factoring: ['sold', 'denied'],
}

export const COLLECTION_OUTCOME_EVENT = 'invoice.collection_outcome'

export type CollectionOutcomeInput = Readonly<{
  invoiceId: string
  outcome: string
  /** For `paid`: what the partner collected; for `sold`: what it paid for the claim. The whole claim when left out. */
  amountMinor?: bigint
  on?: string
}>

export type RecordedOutcome = Readonly<{ outcome: CollectionOutcome; state: string; balanceMinor: bigint }>

function checkInput(input: CollectionOutcomeInput): CollectionOutcome {
  if (!(COLLECTION_OUTCOMES as readonly string[]).includes(input.outcome))
    throw invalidField('outcome', `outcome must be one of ${COLLECTION_OUTCOMES.join(', ')}`)
  const outcome = input.outcome as CollectionOutcome
  const paying = outcome === 'paid' || outcome === 'sold'
  if (input.amountMinor !== undefined && (!paying || input.amountMinor <= 0n))
    throw invalidField(
      'amount',
      'an amount is given only for a paid or sold outcome, and it must be positive',
    )
  return outcome
}

export async function recordCollectionOutcome(
  context: CoreContext,
  tenant: Tenant,
  input: CollectionOutcomeInput,
): Promise<RecordedOutcome> {
  const outcome = checkInput(input)
  const org = tenant.organizationId
  return inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const facts = await loadDunningFacts(unit, tx, org)
      const on = input.on === undefined ? facts.today : parseIsoDate(input.on, 'on')
      const invoice = await lockInvoice(unit.storage, tx, org, input.invoiceId)
      if (invoice.state !== 'collection')
        throw new DomainError('wrong_state', 'only a case in collection has a collection outcome', {
          state: invoice.state,
        })
      const kind = handoverOf(invoice)?.kind ?? 'collection'
      if (!OUTCOMES_OF[kind].includes(outcome))
        throw invalidField('outcome', `a ${kind} case ends ${OUTCOMES_OF[kind].join(', ')}`)
      await applyOutcome(unit, tx, tenant, invoice, outcome, input.amountMinor, on)
      const after = await lockInvoice(unit.storage, tx, org, invoice.invoiceId)
      const now = nowIso(unit)
      const handover = { ...handoverOf(after), outcome }
      await saveLockedInvoice(tx, org, after, { extra: JSON.stringify({ ...after.extra, handover }) }, now)
      const closed = after.state !== 'collection'
      await saveDunningRow(
        tx,
        org,
        invoice.invoiceId,
        { collection_outcome: outcome, ...(closed ? { collection_closed_on: on } : {}) },
        now,
      )
      await recordAndAnnounce(tx, {
        organizationId: org,
        type: COLLECTION_OUTCOME_EVENT,
        caseId: invoice.caseId,
        invoiceId: invoice.invoiceId,
        data: {
          kind,
          outcome,
          on,
          closed,
          balanceMinor: after.balanceMinor,
          // What the partner paid: the whole claim unless an amount was recorded.
          amountMinor:
            outcome === 'paid' || outcome === 'sold' ? (input.amountMinor ?? invoice.balanceMinor) : null,
        },
        visibleToRecipient: true,
        occurredAt: now,
      })
      return { outcome, state: after.state, balanceMinor: after.balanceMinor }
    }),
  )
}

/** The outcome's own change, through the use case that owns it. */
async function applyOutcome(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  invoice: Invoice,
  outcome: CollectionOutcome,
  amountMinor: bigint | undefined,
  on: string,
): Promise<void> {
  switch (outcome) {
    case 'paid':
      await recordPayment(unit, tenant, {
        invoiceId: invoice.invoiceId,
        amountMinor: amountMinor ?? invoice.balanceMinor,
        paidOn: on,
        source: 'collection',
      })
      return
    case 'sold': {
      // The factor settles the whole claim; what it keeps of it is the organization's cost.
      const paidMinor = amountMinor ?? invoice.balanceMinor
      if (paidMinor > invoice.balanceMinor)
        throw invalidField('amount', 'a factor pays at most the claim it buys')
      await recordPayment(unit, tenant, {
        invoiceId: invoice.invoiceId,
        amountMinor: invoice.balanceMinor,
        feeMinor: invoice.balanceMinor - paidMinor,
        paidOn: on,
        source: 'factoring',
      })
      return
    }
    case 'written_off':
      await writeOffInvoice(unit, tenant, { invoiceId: invoice.invoiceId, reason: 'collection gave up' })
      return
    case 'cancelled':
    case 'denied':
      await saveLockedInvoice(
        tx,
        tenant.organizationId,
        invoice,
        { state: nextState(invoice.state, 'returnFromPartner') },
        nowIso(unit),
      )
      return
  }
}
