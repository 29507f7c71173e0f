// The interface a collection partner implements, and the built-in one: the operator. A partner
// receives the claim inside the transaction that moves the case to collection, so it must queue
// anything it sends through the outbox rather than call out. The operator partner sends nothing:
// the case waits in collection until the operator records the outcome (`faktura collection
// outcome`), which is how a self-hosted installation works with an agency it has no API for.

import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'

/** Collection pursues a claim for the organization; factoring buys the claim from it. */
export type HandoverKind = 'collection' | 'factoring'

/** What the invoice keeps of its hand-over (in its extra), so every reader sees the partner's case. */
export type Handover = Readonly<{
  kind: HandoverKind
  partner: string
  reference: string
  startedOn: string
  outcome?: string
}>

export function handoverOf(
  invoice: Readonly<{ extra: Readonly<Record<string, unknown>> }>,
): Handover | undefined {
  const handover = invoice.extra.handover
  return typeof handover === 'object' && handover !== null ? (handover as Handover) : undefined
}

export type CollectionClaim = Readonly<{
  kind: HandoverKind
  organizationId: string
  invoiceId: string
  caseId: string
  contactId: string
  invoiceNumber: string | null
  currency: CurrencyCode
  /** Everything owed on the day of the hand-over: principal plus fees plus interest. */
  claimMinor: bigint
  principalMinor: bigint
  feesMinor: bigint
  interestMinor: bigint
  handedOverOn: string
}>

export type CollectionPartner = Readonly<{
  name: string
  /** Returns the partner's reference for the case. */
  handOver(tx: Tx, claim: CollectionClaim): Promise<Readonly<{ reference: string }>>
}>

export const OPERATOR_PARTNER: CollectionPartner = {
  name: 'operator',
  handOver: async (_tx, claim) => ({ reference: `operator-${claim.invoiceId}` }),
}

export const COLLECTION_PARTNERS: Readonly<Record<string, CollectionPartner>> = {
  [OPERATOR_PARTNER.name]: OPERATOR_PARTNER,
}
