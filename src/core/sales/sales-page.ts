// The recipient's page of an issued offer, confirmation or delivery note, reached by its token
// alone: what it shows, and the recipient's answer to an offer. Accepting wins the offer (with the
// optional lines the recipient chose), declining loses it; either is recorded as the offer's
// status event, marked as the recipient's. An unknown token, a draft and a letter look the same:
// not found, so the page reveals nothing about which tokens exist.

import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Recipient } from '../../domain/invoicing/invoice.ts'
import type { SalesDocument } from '../../domain/sales/sales-document.ts'
import type { Executor } from '../../storage/database.ts'
import { pageNotFound } from '../cases/get-case-by-token.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { organizationToday } from '../organizations/organization-today.ts'
import { changeSalesStateWithin } from './change-sales-state.ts'
import { loadSalesDocument } from './sales-record.ts'

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/

export type SalesPageView = Readonly<{
  document: SalesDocument
  organization: Readonly<{
    name: string
    country: string
    locale: string
    settings: Readonly<Record<string, unknown>>
  }>
  recipient: Recipient
}>

/** What the recipient answers: accept (with the optional lines chosen, by line number) or decline. */
export type OfferAnswer = Readonly<{ accept: boolean; chosenLineNos?: readonly number[] }>

async function documentOfToken(db: Executor, token: string) {
  if (!TOKEN_SHAPE.test(token)) throw pageNotFound()
  const row = await db
    .selectFrom('sales_documents')
    .select(['organization_id', 'document_id', 'page_token', 'state', 'kind'])
    .where('page_token', '=', token)
    .executeTakeFirst()
  // The index lookup is exact, but compare again so a collation quirk can never match a near miss.
  if (!row || row.page_token !== token || row.state === 'draft' || row.kind === 'letter') throw pageNotFound()
  return { organizationId: row.organization_id, documentId: row.document_id }
}

export async function getSalesDocumentByToken(context: CoreContext, token: string): Promise<SalesPageView> {
  const db = context.storage.db
  const { organizationId, documentId } = await documentOfToken(db, token)
  const document = await loadSalesDocument(db, organizationId, documentId)
  if (!document) throw pageNotFound()
  const [organization, contact] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['name', 'country', 'locale', 'settings'])
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('contacts')
      .select(['name', 'street', 'street2', 'zip', 'city', 'country'])
      .where('organization_id', '=', organizationId)
      .where('contact_id', '=', document.contactId ?? '')
      .executeTakeFirst(),
  ])
  return {
    document,
    organization: { ...organization, settings: JSON.parse(organization.settings) as Record<string, unknown> },
    recipient: contact ?? {},
  }
}

function checkChosen(document: SalesDocument, answer: OfferAnswer): number[] {
  const chosen = answer.accept ? [...new Set(answer.chosenLineNos ?? [])] : []
  for (const lineNo of chosen)
    if (!document.lines.some((line) => line.lineNo === lineNo && line.optional))
      throw invalidField('chosenLineNos', `line ${lineNo} is not an optional line of this offer`)
  return chosen
}

/**
 * The recipient answers an OPEN offer once; later changes are the seller's (through the API). An
 * offer past its validity date can still be declined but no longer accepted.
 */
export async function answerOffer(
  context: CoreContext,
  token: string,
  answer: OfferAnswer,
): Promise<SalesDocument> {
  const { organizationId, documentId } = await documentOfToken(context.storage.db, token)
  const tenant: Tenant = { organizationId }
  const today = await organizationToday(context, tenant)
  await context.storage.db.transaction().execute(async (tx) => {
    const document = await loadSalesDocument(tx, organizationId, documentId, { lockFor: context.storage })
    if (!document) throw pageNotFound()
    if (document.kind !== 'offer')
      throw new DomainError('wrong_state', 'only an offer is accepted or declined', { state: document.state })
    if (document.state !== 'open')
      throw new DomainError('wrong_state', 'this offer has already been answered', { state: document.state })
    if (answer.accept && document.validUntil !== null && document.validUntil < today)
      throw new DomainError('wrong_state', `this offer was valid until ${document.validUntil}`, {
        state: document.state,
      })
    const chosenLineNos = checkChosen(document, answer)
    await changeSalesStateWithin(context, tx, tenant, documentId, answer.accept ? 'win' : 'lose', undefined, {
      by: 'recipient',
      ...(answer.accept ? { chosenLineNos } : {}),
    })
    if (chosenLineNos.length > 0)
      await tx
        .updateTable('sales_document_lines')
        .set({ chosen: 1 })
        .where('organization_id', '=', organizationId)
        .where('document_id', '=', documentId)
        .where('line_no', 'in', chosenLineNos)
        .execute()
  })
  const answered = await loadSalesDocument(context.storage.db, organizationId, documentId)
  if (!answered) throw pageNotFound()
  return answered
}
