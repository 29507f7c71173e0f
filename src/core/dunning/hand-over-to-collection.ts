// Moves an overdue invoice to collection (the lifecycle's `collect`): an open invoice whose due
// date has passed is first marked overdue (the overdue job may not have reached it yet), one not yet
// due is refused, since a claim goes to collection only once it is due. Counts the dunning clock to
// today, charges the interest earned since the last reminder, hands the claim to the organization's
// collection partner and records the event. One transaction. From then on the dunning clock stands
// still: the partner pursues the claim, and its outcome comes back as a payment or a write-off.

import { splitOpenBalance } from '../../domain/dunning/balance-split.ts'
import { interestMinorOf, parseInterestNumerator } from '../../domain/dunning/interest.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import { nextState, openBalanceMinor } from '../../domain/invoicing/lifecycle.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { lockInvoice, saveLockedInvoice } from '../invoices/lock-invoice.ts'
import { markOverdueInvoices } from '../invoices/mark-overdue.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { chargeDunningFees } from './charge-dunning-fees.ts'
import { COLLECTION_PARTNERS, type Handover, type HandoverKind } from './collection-partner.ts'
import { countedToToday, debtorOf } from './count-overdue-days.ts'
import { type DunningFacts, loadDunningFacts } from './dunning-facts.ts'
import { lockDunningRow, saveDunningRow } from './dunning-record.ts'

export const COLLECTION_STARTED_EVENT = 'invoice.collection_started'

export type HandedOver = Readonly<{
  partner: string
  reference: string
  claimMinor: bigint
  interestMinor: bigint
}>

export async function handOverToCollection(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
  kind: HandoverKind = 'collection',
): Promise<HandedOver> {
  return inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const facts = await loadDunningFacts(unit, tx, tenant.organizationId)
      return handOverWithin(unit, tx, tenant, facts, invoiceId, kind)
    }),
  )
}

export async function handOverWithin(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  facts: DunningFacts,
  invoiceId: string,
  kind: HandoverKind = 'collection',
): Promise<HandedOver> {
  const org = tenant.organizationId
  const now = nowIso(unit)
  const partner = COLLECTION_PARTNERS[facts.settings.collectionPartner]
  if (!partner)
    throw invalidField(
      'collectionPartner',
      `no collection partner is called ${facts.settings.collectionPartner}`,
    )
  const action = kind === 'factoring' ? 'sell' : 'collect'
  if (action === 'collect') await markOverdueInvoices(unit, tenant, { invoiceIds: [invoiceId] })
  const { invoice, counted, interestMinor } = await prepareHandOver(unit, tx, facts, org, invoiceId, action)
  const collected = nextState(invoice.state, action)
  const chargedMinor = await chargeDunningFees(
    tx,
    org,
    invoice,
    facts.today,
    [
      {
        kind: 'interest',
        amountMinor: interestMinor,
        description: `Late-payment interest to ${facts.today}`,
      },
    ],
    now,
  )
  const feesMinor = invoice.feesMinor + chargedMinor
  const interestChargedMinor = counted.interest_charged_minor + interestMinor
  const claimMinor = openBalanceMinor({ ...invoice, feesMinor })
  const { reference } = await partner.handOver(tx, {
    kind,
    organizationId: org,
    invoiceId,
    caseId: invoice.caseId,
    contactId: invoice.contactId,
    invoiceNumber: invoice.number,
    currency: invoice.currency as CurrencyCode,
    claimMinor,
    ...splitOpenBalance({ ...invoice, balanceMinor: claimMinor, interestChargedMinor }),
    handedOverOn: facts.today,
  })
  const state = chargedMinor > 0n ? nextState(collected, 'addFee') : collected
  const handover: Handover = { kind, partner: partner.name, reference, startedOn: facts.today }
  await saveLockedInvoice(
    tx,
    org,
    invoice,
    { state, fees_minor: feesMinor, extra: JSON.stringify({ ...invoice.extra, handover }) },
    now,
  )
  await saveDunningRow(
    tx,
    org,
    invoiceId,
    {
      overdue_days: counted.overdue_days,
      counted_through: counted.counted_through,
      interest_numerator: counted.interest_numerator,
      interest_charged_minor: interestChargedMinor,
      collection_partner: partner.name,
      collection_reference: reference,
      collection_started_on: facts.today,
      failed_on: null,
      failure: null,
    },
    now,
  )
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: COLLECTION_STARTED_EVENT,
    caseId: invoice.caseId,
    invoiceId,
    data: { kind, partner: partner.name, reference, claimMinor, interestMinor, startedOn: facts.today },
    visibleToRecipient: true,
    occurredAt: now,
  })
  return { partner: partner.name, reference, claimMinor, interestMinor }
}

/** Locks the invoice and its dunning row and counts the clock to today: the interest still to charge. */
async function prepareHandOver(
  unit: CoreContext,
  tx: Tx,
  facts: DunningFacts,
  org: string,
  invoiceId: string,
  action: 'collect' | 'sell',
) {
  const now = nowIso(unit)
  const invoice = await lockInvoice(unit.storage, tx, org, invoiceId)
  if (invoice.kind !== 'invoice')
    throw new DomainError('wrong_state', 'only invoices go to collection', { field: 'invoiceId' })
  // Refused unless the lifecycle lets this invoice go (collection: it is overdue; factoring: open).
  if (action === 'collect' && invoice.state === 'open')
    throw new DomainError(
      'wrong_state',
      `the claim is not due until ${invoice.dueDate ?? 'it has a due date'}`,
      {
        state: invoice.state,
        action,
      },
    )
  nextState(invoice.state, action)
  const row = await lockDunningRow(unit.storage, tx, org, invoiceId, now)
  const contact = await tx
    .selectFrom('contacts')
    .select('kind')
    .where('organization_id', '=', org)
    .where('contact_id', '=', invoice.contactId)
    .executeTakeFirstOrThrow()
  const counted = { ...row, ...countedToToday(facts, { ...invoice, debtor: debtorOf(contact.kind) }, row) }
  const interestMinor =
    interestMinorOf(parseInterestNumerator(counted.interest_numerator)) - row.interest_charged_minor
  return { invoice, counted, interestMinor }
}
