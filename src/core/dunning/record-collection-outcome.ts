// Records what a collection partner achieved for a case in collection: money collected (a payment,
// which ends the case when it covers the claim) or the claim given up (a write-off of what is
// left). Both go through the use cases that own those rules, in one transaction with the outcome
// and its event; the built-in operator partner records its outcomes this way from the CLI.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice } from '../invoices/lock-invoice.ts'
import { writeOffInvoice } from '../invoices/write-off-invoice.ts'
import { recordPayment } from '../payments/record-payment.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { loadDunningFacts } from './dunning-facts.ts'
import { saveDunningRow } from './dunning-record.ts'

export const COLLECTION_OUTCOMES = ['paid', 'written_off'] as const
export type CollectionOutcome = (typeof COLLECTION_OUTCOMES)[number]

export const COLLECTION_OUTCOME_EVENT = 'invoice.collection_outcome'

export type CollectionOutcomeInput = Readonly<{
  invoiceId: string
  outcome: string
  /** For `paid`: what the partner collected; the whole claim when left out. */
  amountMinor?: bigint
  on?: string
}>

export type RecordedOutcome = Readonly<{ outcome: CollectionOutcome; state: string; balanceMinor: bigint }>

export async function recordCollectionOutcome(
  context: CoreContext,
  tenant: Tenant,
  input: CollectionOutcomeInput,
): Promise<RecordedOutcome> {
  if (!(COLLECTION_OUTCOMES as readonly string[]).includes(input.outcome))
    throw invalidField('outcome', `outcome must be one of ${COLLECTION_OUTCOMES.join(', ')}`)
  const outcome = input.outcome as CollectionOutcome
  if (input.amountMinor !== undefined && (outcome !== 'paid' || input.amountMinor <= 0n))
    throw invalidField('amount', 'an amount is given only for a paid outcome, and it must be positive')
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
      const after =
        outcome === 'paid'
          ? (
              await recordPayment(unit, tenant, {
                invoiceId: invoice.invoiceId,
                amountMinor: input.amountMinor ?? invoice.balanceMinor,
                paidOn: on,
                source: 'collection',
              })
            ).invoice
          : await writeOffInvoice(unit, tenant, {
              invoiceId: invoice.invoiceId,
              reason: 'collection gave up',
            })
      const now = nowIso(unit)
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
        data: { outcome, on, closed, balanceMinor: after.balanceMinor },
        occurredAt: now,
      })
      return { outcome, state: after.state, balanceMinor: after.balanceMinor }
    }),
  )
}
