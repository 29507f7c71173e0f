// Approving a bank match reconciles it: every subject is settled by a payment through the match's
// bank account (an invoice or bill still owing gets one made now, a payment is taken as it is),
// and the money those payments moved on the account must equal what the bank lines say, to the
// minor unit. The journal entries matched are recorded, so their bank postings read as matched.
// Unapproving voids the payments approval made and forgets the matched entries. One transaction.

import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import { getBills } from '../bills/list-bills.ts'
import { payBills, voidBillPayment } from '../bills/pay-bills.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { getInvoices } from '../invoices/get-invoice.ts'
import { getPayments } from '../payments/list-payments.ts'
import { receivePayment } from '../payments/receive-payment.ts'
import { voidPayment } from '../payments/void-payment.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import {
  type BankMatch,
  getBankLines,
  getBankMatches,
  getMatchSubjects,
  type MatchSubject,
} from './bank-matches.ts'

async function lockMatch(unit: CoreContext, tx: Tx, tenant: Tenant, matchId: string): Promise<BankMatch> {
  const row = await forUpdate(
    unit.storage,
    tx
      .selectFrom('bank_matches')
      .select('match_id')
      .where('organization_id', '=', tenant.organizationId)
      .where('match_id', '=', matchId),
  ).executeTakeFirst()
  if (!row) throw notFound('bank match', matchId)
  const [match] = await getBankMatches(unit, tenant, { ids: [matchId] })
  return match as BankMatch
}

/** Settles one subject through the match's account; returns the payment and whether it is new. */
async function settle(
  unit: CoreContext,
  tenant: Tenant,
  match: BankMatch,
  subject: MatchSubject,
  paidOn: string,
): Promise<{ paymentId: string; created: boolean }> {
  const cash = { paidOn, cashAccountNumber: match.accountNumber }
  if (subject.subjectType === 'payment') {
    const [payment] = await getPayments(unit, tenant, { ids: [subject.subjectId] })
    if (!payment || payment.isVoided)
      throw invalidField('subject', `payment ${subject.subjectId} does not stand`)
    return { paymentId: payment.paymentId, created: false }
  }
  if (subject.subjectType === 'invoice') {
    const [invoice] = await getInvoices(unit, tenant, [subject.subjectId])
    if (!invoice || invoice.balanceMinor <= 0n || invoice.currency !== match.currency)
      throw invalidField('subject', `invoice ${subject.subjectId} owes nothing in ${match.currency}`)
    const received = await receivePayment(unit, tenant, {
      invoiceIds: [invoice.invoiceId],
      amountMinor: invoice.balanceMinor,
      ...cash,
    })
    return { paymentId: received.paymentId, created: true }
  }
  const [bill] = await getBills(unit, tenant, [subject.subjectId])
  if (!bill || bill.balanceMinor <= 0n || bill.currency !== match.currency)
    throw invalidField('subject', `bill ${subject.subjectId} owes nothing in ${match.currency}`)
  const paid = await payBills(unit, tenant, {
    billIds: [bill.billId],
    settledMinor: bill.balanceMinor,
    ...cash,
  })
  return { paymentId: paid.paymentId, created: true }
}

/** The payments' entries and what they moved on the account (debit positive). */
async function movements(tx: Tx, org: string, accountNumber: string, paymentIds: readonly string[]) {
  const rows = await tx
    .selectFrom('journal_entries as e')
    .innerJoin('journal_lines as l', (join) =>
      join.onRef('l.organization_id', '=', 'e.organization_id').onRef('l.entry_id', '=', 'e.entry_id'),
    )
    .select(['e.entry_id', 'e.source_id', 'l.debit_minor', 'l.credit_minor'])
    .where('e.organization_id', '=', org)
    .where('e.source_type', '=', 'payment')
    .where('e.source_id', 'in', [...paymentIds, ''])
    .where('l.account_number', '=', accountNumber)
    .execute()
  for (const paymentId of paymentIds)
    if (!rows.some((row) => row.source_id === paymentId))
      throw invalidField('subject', `payment ${paymentId} did not go through account ${accountNumber}`)
  return {
    entryIds: [...new Set(rows.map((row) => row.entry_id))],
    totalMinor: rows.reduce((sum, row) => sum + row.debit_minor - row.credit_minor, 0n),
  }
}

export async function approveBankMatch(context: CoreContext, tenant: Tenant, matchId: string): Promise<void> {
  const org = tenant.organizationId
  await inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const match = await lockMatch(unit, tx, tenant, matchId)
      if (match.isApproved) return
      const lines = await getBankLines(unit, tenant, { matchIds: [matchId] })
      const subjects = await getMatchSubjects(unit, tenant, { matchIds: [matchId] })
      if (lines.length === 0 || subjects.length === 0)
        throw invalidField(
          'isApproved',
          'a bank match is approved with its bank lines and the subjects they settle',
        )
      const linesMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0n)
      const paidOn =
        match.entryDate ??
        lines
          .map((line) => line.entryDate)
          .sort()
          .at(-1) ??
        ''
      const settled: { subject: MatchSubject; paymentId: string; created: boolean }[] = []
      for (const subject of subjects)
        settled.push({ subject, ...(await settle(unit, tenant, match, subject, paidOn)) })
      const moved = await movements(tx, org, match.accountNumber, [
        ...new Set(settled.map((item) => item.paymentId)),
      ])
      if (moved.totalMinor !== linesMinor)
        throw new DomainError(
          'invalid_field',
          `the bank lines come to ${linesMinor} but the subjects moved ${moved.totalMinor} (minor units)`,
          {
            field: 'isApproved',
          },
        )
      for (const item of settled)
        await tx
          .updateTable('bank_match_subjects')
          .set({ payment_id: item.paymentId, created_payment: item.created })
          .where('organization_id', '=', org)
          .where('association_id', '=', item.subject.associationId)
          .execute()
      await tx
        .insertInto('bank_match_entries')
        .values(
          moved.entryIds.map((entryId) => ({ organization_id: org, match_id: matchId, entry_id: entryId })),
        )
        .execute()
      await tx
        .updateTable('bank_matches')
        .set({ is_approved: true, approved_at: nowIso(unit) })
        .where('organization_id', '=', org)
        .where('match_id', '=', matchId)
        .execute()
    }),
  )
}

export async function unapproveBankMatch(
  context: CoreContext,
  tenant: Tenant,
  matchId: string,
): Promise<void> {
  const org = tenant.organizationId
  await inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const match = await lockMatch(unit, tx, tenant, matchId)
      if (!match.isApproved) return
      const made = await tx
        .selectFrom('bank_match_subjects')
        .select(['subject_type', 'payment_id'])
        .where('organization_id', '=', org)
        .where('match_id', '=', matchId)
        .where('created_payment', '=', true)
        .execute()
      for (const row of made) {
        if (!row.payment_id) continue
        if (row.subject_type === 'bill') await voidBillPayment(unit, tenant, row.payment_id)
        else await voidPayment(unit, tenant, row.payment_id)
      }
      await tx
        .updateTable('bank_match_subjects')
        .set({ payment_id: null, created_payment: false })
        .where('organization_id', '=', org)
        .where('match_id', '=', matchId)
        .execute()
      await tx
        .deleteFrom('bank_match_entries')
        .where('organization_id', '=', org)
        .where('match_id', '=', matchId)
        .execute()
      await tx
        .updateTable('bank_matches')
        .set({ is_approved: false, approved_at: null })
        .where('organization_id', '=', org)
        .where('match_id', '=', matchId)
        .execute()
    }),
  )
}

/** The entries (among `entryIds`, or all) an approved match reconciled, with the account it matched them on. */
export async function bankMatchedEntries(
  context: CoreContext,
  tenant: Tenant,
  entryIds?: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  if (entryIds?.length === 0) return new Map()
  let query = context.storage.db
    .selectFrom('bank_match_entries as e')
    .innerJoin('bank_matches as m', (join) =>
      join.onRef('m.organization_id', '=', 'e.organization_id').onRef('m.match_id', '=', 'e.match_id'),
    )
    .select(['e.entry_id', 'm.account_number'])
    .where('e.organization_id', '=', tenant.organizationId)
  if (entryIds) query = query.where('e.entry_id', 'in', [...new Set(entryIds)])
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.entry_id, row.account_number]))
}
