// Finds the case behind a recipient page token. The token is the only credential of the page, so
// an unknown token and a token of a case without an approved invoice look the same: not found.

import { DomainError } from '../../domain/errors.ts'
import type { CoreContext } from '../context.ts'
import { type CaseView, loadCaseView } from './case-record.ts'

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/

export function pageNotFound(): DomainError {
  return new DomainError('not_found', 'no such invoice page', { resource: 'page' })
}

export async function getCaseByToken(context: CoreContext, token: string): Promise<CaseView> {
  if (!TOKEN_SHAPE.test(token)) throw pageNotFound()
  const row = await context.storage.db
    .selectFrom('cases')
    .select(['organization_id', 'case_id', 'page_token'])
    .where('page_token', '=', token)
    .executeTakeFirst()
  // The index lookup is exact, but compare again so a collation quirk can never match a near miss.
  if (!row || row.page_token !== token) throw pageNotFound()
  const view = await loadCaseView(context.storage.db, row.organization_id, row.case_id)
  if (!view?.invoices.some((invoice) => invoice.state !== 'draft' && invoice.state !== 'deleted'))
    throw pageNotFound()
  return view
}
