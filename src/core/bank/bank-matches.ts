// Bank reconciliation records: a match on one bank account holds bank statement lines (money in
// and out as the bank reports it) and the subjects those lines settle (invoices, bills, payments).
// The invariants it protects: lines and subjects change only while the match is not approved,
// each names an existing match of the organization, and a match is on an asset account.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import { newId } from '../../storage/ids.ts'
import type { BankLinesTable, BankMatchesTable, BankMatchSubjectsTable } from '../../storage/schema-billy.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { loadChart } from '../ledger/post-entry.ts'

export const MATCH_SUBJECTS = ['invoice', 'bill', 'payment'] as const

export type MatchSubjectType = (typeof MATCH_SUBJECTS)[number]

export type BankMatch = Readonly<{
  matchId: string
  accountNumber: string
  currency: string
  entryDate: string | null
  differenceType: string | null
  feeAccountNumber: string | null
  isApproved: boolean
  approvedAt: string | null
  createdAt: string
}>

export type BankLine = Readonly<{
  lineId: string
  matchId: string
  entryDate: string
  description: string
  amountMinor: bigint
  createdAt: string
}>

export type MatchSubject = Readonly<{
  associationId: string
  matchId: string
  subjectType: MatchSubjectType
  subjectId: string
  paymentId: string | null
}>

const matchOf = (row: BankMatchesTable): BankMatch => ({
  matchId: row.match_id,
  accountNumber: row.account_number,
  currency: row.currency,
  entryDate: row.entry_date,
  differenceType: row.difference_type,
  feeAccountNumber: row.fee_account_number,
  isApproved: row.is_approved,
  approvedAt: row.approved_at,
  createdAt: row.created_at,
})

const lineOf = (row: BankLinesTable): BankLine => ({
  lineId: row.line_id,
  matchId: row.match_id,
  entryDate: row.entry_date,
  description: row.description,
  amountMinor: row.amount_minor,
  createdAt: row.created_at,
})

const subjectOf = (row: BankMatchSubjectsTable): MatchSubject => ({
  associationId: row.association_id,
  matchId: row.match_id,
  subjectType: row.subject_type as MatchSubjectType,
  subjectId: row.subject_id,
  paymentId: row.payment_id,
})

export type MatchInput = Readonly<{
  accountNumber: string
  entryDate?: string | null
  differenceType?: string | null
  feeAccountNumber?: string | null
}>

export async function createBankMatch(
  context: CoreContext,
  tenant: Tenant,
  input: MatchInput,
): Promise<BankMatch> {
  const org = tenant.organizationId
  const chart = await loadChart(context.storage.db, org)
  if (chart.find((account) => account.number === input.accountNumber)?.nature !== 'asset')
    throw invalidField('accountNumber', 'a bank match is on an asset account')
  if (input.feeAccountNumber && chart.find((a) => a.number === input.feeAccountNumber)?.nature !== 'expense')
    throw invalidField('feeAccountNumber', 'a bank fee goes to an expense account')
  const organization = await context.storage.db
    .selectFrom('organizations')
    .select('base_currency')
    .where('organization_id', '=', org)
    .executeTakeFirstOrThrow()
  const row: BankMatchesTable = {
    organization_id: org,
    match_id: newId(),
    account_number: input.accountNumber,
    currency: organization.base_currency,
    entry_date: input.entryDate ? parseIsoDate(input.entryDate, 'entryDate') : null,
    difference_type: input.differenceType ?? null,
    fee_account_number: input.feeAccountNumber ?? null,
    is_approved: false,
    approved_at: null,
    created_at: nowIso(context),
  }
  await context.storage.db.insertInto('bank_matches').values(row).execute()
  return matchOf(row)
}

export async function getBankMatches(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; accountNumbers?: readonly string[] }>,
): Promise<BankMatch[]> {
  let query = context.storage.db
    .selectFrom('bank_matches')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
  if (by.ids) query = query.where('match_id', 'in', [...by.ids, ''])
  if (by.accountNumbers) query = query.where('account_number', 'in', [...by.accountNumbers, ''])
  return (await query.orderBy('created_at').limit(10_000).execute()).map(matchOf)
}

export async function getBankLines(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; matchIds?: readonly string[] }>,
): Promise<BankLine[]> {
  let query = context.storage.db
    .selectFrom('bank_lines')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
  if (by.ids) query = query.where('line_id', 'in', [...by.ids, ''])
  if (by.matchIds) query = query.where('match_id', 'in', [...by.matchIds, ''])
  return (await query.orderBy('entry_date').orderBy('line_id').limit(10_000).execute()).map(lineOf)
}

export async function getMatchSubjects(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ ids?: readonly string[]; matchIds?: readonly string[] }>,
): Promise<MatchSubject[]> {
  let query = context.storage.db
    .selectFrom('bank_match_subjects')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
  if (by.ids) query = query.where('association_id', 'in', [...by.ids, ''])
  if (by.matchIds) query = query.where('match_id', 'in', [...by.matchIds, ''])
  return (await query.orderBy('association_id').limit(10_000).execute()).map(subjectOf)
}

/** The match a line or subject is added to or removed from, refused once it is approved. */
async function openMatch(
  context: CoreContext,
  tenant: Tenant,
  matchId: string,
  field: string,
): Promise<BankMatch> {
  const [match] = await getBankMatches(context, tenant, { ids: [matchId] })
  if (!match) throw invalidField(field, `bank match ${matchId} does not exist`)
  if (match.isApproved)
    throw new DomainError('wrong_state', 'the bank match is approved; unapprove it to change it', { field })
  return match
}

export async function addBankLine(
  context: CoreContext,
  tenant: Tenant,
  input: Readonly<{ matchId: string; entryDate: string; description: string; amountMinor: bigint }>,
): Promise<BankLine> {
  await openMatch(context, tenant, input.matchId, 'matchId')
  if (input.amountMinor === 0n) throw invalidField('amount', 'a bank line moves some money')
  if (input.description.trim() === '') throw invalidField('description', 'a bank line needs a description')
  const row: BankLinesTable = {
    organization_id: tenant.organizationId,
    line_id: newId(),
    match_id: input.matchId,
    entry_date: parseIsoDate(input.entryDate, 'entryDate'),
    description: input.description,
    amount_minor: input.amountMinor,
    created_at: nowIso(context),
  }
  await context.storage.db.insertInto('bank_lines').values(row).execute()
  return lineOf(row)
}

export async function addMatchSubject(
  context: CoreContext,
  tenant: Tenant,
  input: Readonly<{ matchId: string; subjectType: MatchSubjectType; subjectId: string }>,
): Promise<MatchSubject> {
  await openMatch(context, tenant, input.matchId, 'matchId')
  if (!MATCH_SUBJECTS.includes(input.subjectType))
    throw invalidField('subject', `a bank line settles an ${MATCH_SUBJECTS.join(', ')}`)
  const row: BankMatchSubjectsTable = {
    organization_id: tenant.organizationId,
    association_id: newId(),
    match_id: input.matchId,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    payment_id: null,
    created_payment: false,
  }
  await context.storage.db.insertInto('bank_match_subjects').values(row).execute()
  return subjectOf(row)
}

/** Removes lines or subjects of a match that is not approved; unknown ids are not an error. */
export async function removeFromMatch(
  context: CoreContext,
  tenant: Tenant,
  kind: 'line' | 'subject',
  id: string,
): Promise<boolean> {
  const org = tenant.organizationId
  const [found] =
    kind === 'line'
      ? await getBankLines(context, tenant, { ids: [id] })
      : await getMatchSubjects(context, tenant, { ids: [id] })
  if (!found) return false
  await openMatch(context, tenant, found.matchId, 'matchId')
  if (kind === 'line')
    await context.storage.db
      .deleteFrom('bank_lines')
      .where('organization_id', '=', org)
      .where('line_id', '=', id)
      .execute()
  else
    await context.storage.db
      .deleteFrom('bank_match_subjects')
      .where('organization_id', '=', org)
      .where('association_id', '=', id)
      .execute()
  return true
}

/** Deletes a match that is not approved, with its lines and subjects. */
export async function deleteBankMatch(
  context: CoreContext,
  tenant: Tenant,
  matchId: string,
): Promise<boolean> {
  const [match] = await getBankMatches(context, tenant, { ids: [matchId] })
  if (!match) return false
  if (match.isApproved)
    throw new DomainError('wrong_state', 'an approved bank match is unapproved first', { field: 'id' })
  const org = tenant.organizationId
  for (const table of ['bank_lines', 'bank_match_subjects', 'bank_matches'] as const)
    await context.storage.db
      .deleteFrom(table)
      .where('organization_id', '=', org)
      .where('match_id', '=', matchId)
      .execute()
  return true
}
