// The interface a collection partner implements, and the built-in one: the operator. A partner
// receives the claim inside the transaction that moves the case to collection, so it must queue
// anything it sends through the outbox rather than call out. The operator partner sends nothing:
// the case waits in collection until the operator records the outcome (`faktura collection
// outcome`), which is how a self-hosted installation works with an agency it has no API for.

import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'

export type CollectionClaim = Readonly<{
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
