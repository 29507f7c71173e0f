// /v2/bankLineMatches, /v2/bankLines, /v2/bankLineSubjectAssociations: bank reconciliation. A match
// on a bank account holds the statement's lines and the subjects they settle (`invoice:<id>`,
// `bill:<id>`, `bankPayment:<id>`); `isApproved: true` reconciles it through the core
// (core/bank/approve-bank-match.ts): an invoice or bill still owing is paid through the account
// now, and the money the payments moved must equal the lines. Their bank postings then read
// `isBankMatched: true`. `isApproved: false` undoes it.

import { approveBankMatch, unapproveBankMatch } from '../../../core/bank/approve-bank-match.ts'
import {
  addBankLine,
  addMatchSubject,
  type BankLine,
  type BankMatch,
  createBankMatch,
  deleteBankMatch,
  getBankLines,
  getBankMatches,
  getMatchSubjects,
  type MatchSubject,
  type MatchSubjectType,
  removeFromMatch,
} from '../../../core/bank/bank-matches.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { listInMemory } from '../engine/static-store.ts'
import { amountToMinor, moneyNumber, wireTime } from '../engine/wire-values.ts'
import { accountIdOfNumber, accountOfId, baseCurrencyOf, flag, ref, text } from './common.ts'

const SUBJECT_TYPES: Readonly<Record<string, MatchSubjectType>> = {
  invoice: 'invoice',
  bill: 'bill',
  bankPayment: 'payment',
}

function matchToWire(context: RequestContext, match: BankMatch, lines: readonly BankLine[]) {
  return async (): Promise<WireRecord> => {
    const totalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0n)
    return {
      id: match.matchId,
      accountId: await accountIdOfNumber(context, match.accountNumber),
      differenceType: match.differenceType,
      feeAccountId: await accountIdOfNumber(context, match.feeAccountNumber),
      entryDate:
        match.entryDate ??
        lines
          .map((line) => line.entryDate)
          .sort()
          .at(-1) ??
        null,
      amount: moneyNumber(totalMinor < 0n ? -totalMinor : totalMinor, match.currency),
      side: totalMinor < 0n ? 'credit' : 'debit',
      isApproved: match.isApproved,
      approvedTime: match.approvedAt ? wireTime(match.approvedAt) : null,
    }
  }
}

async function matchRecords(context: RequestContext, matches: readonly BankMatch[]): Promise<WireRecord[]> {
  const lines = await getBankLines(context.core, context.tenant, { matchIds: matches.map((m) => m.matchId) })
  return Promise.all(
    matches.map((match) =>
      matchToWire(
        context,
        match,
        lines.filter((line) => line.matchId === match.matchId),
      )(),
    ),
  )
}

async function lineRecords(context: RequestContext, lines: readonly BankLine[]): Promise<WireRecord[]> {
  const matches = await getBankMatches(context.core, context.tenant, {
    ids: [...new Set(lines.map((l) => l.matchId))],
  })
  const currency = await baseCurrencyOf(context)
  return Promise.all(
    lines.map(async (line) => {
      const match = matches.find((item) => item.matchId === line.matchId)
      return {
        id: line.lineId,
        matchId: line.matchId,
        accountId: await accountIdOfNumber(context, match?.accountNumber),
        entryDate: line.entryDate,
        description: line.description,
        amount: moneyNumber(
          line.amountMinor < 0n ? -line.amountMinor : line.amountMinor,
          match?.currency ?? currency,
        ),
        side: line.amountMinor < 0n ? 'credit' : 'debit',
      }
    }),
  )
}

function subjectToWire(subject: MatchSubject): WireRecord {
  const type = Object.entries(SUBJECT_TYPES).find(([, core]) => core === subject.subjectType)?.[0]
  return {
    id: subject.associationId,
    matchId: subject.matchId,
    subjectReference: `${type}:${subject.subjectId}`,
  }
}

async function updateMatch(context: RequestContext, id: string, input: WireInput): Promise<Changes> {
  const approved = flag(input, 'isApproved')
  if (approved === true) await approveBankMatch(context.core, context.tenant, id)
  if (approved === false) await unapproveBankMatch(context.core, context.tenant, id)
  return { changed: [ref('bankLineMatch', id, input.clientId)], deleted: [] }
}

export const bankLineMatches: Resource = {
  def: {
    singular: 'bankLineMatch',
    plural: 'bankLineMatches',
    properties: {
      accountId: { type: 'id', resource: 'account', access: 'immutable', required: true },
      differenceType: { type: 'enum', values: ['fee'], access: 'immutable' },
      feeAccountId: { type: 'id', resource: 'account', access: 'immutable' },
      entryDate: { type: 'date', access: 'immutable' },
      amount: { type: 'float', access: 'readonly', description: 'The sum of the lines.' },
      side: { type: 'enum', values: ['debit', 'credit'], access: 'readonly' },
      isApproved: { type: 'boolean' },
      approvedTime: { type: 'datetime', access: 'readonly' },
    },
    hasMany: {
      lines: { resource: 'bankLine', inverse: 'matchId', save: 'readonly' },
      subjectAssociations: { resource: 'bankLineSubjectAssociation', inverse: 'matchId', save: 'readonly' },
    },
    operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
    filters: { accountId: { type: 'string' }, isApproved: { type: 'boolean' } },
    sortable: ['entryDate', 'approvedTime'],
  },
  store: {
    fieldNames: {
      accountNumber: 'accountId',
      feeAccountNumber: 'feeAccountId',
      subject: 'subjectAssociations',
    },
    async load(context, ids) {
      return matchRecords(context, await getBankMatches(context.core, context.tenant, { ids }))
    },
    async list(context, query) {
      const accountIds = query.filters.accountId
      const accountNumbers = accountIds
        ? await Promise.all(
            accountIds.map(async (id) => (await accountOfId(context, id, 'accountId')).number),
          )
        : undefined
      const matches = await getBankMatches(
        context.core,
        context.tenant,
        accountNumbers ? { accountNumbers } : {},
      )
      const isApproved = query.filters.isApproved
      return listInMemory(
        await matchRecords(context, matches),
        { ...query, filters: isApproved ? { isApproved } : {} },
        [],
      )
    },
    async create(context, input) {
      if (input.values.isApproved === true)
        throw invalidField('isApproved', 'a new match has no lines to approve yet')
      const account = await accountOfId(context, text(input, 'accountId') ?? '', 'accountId')
      const feeId = text(input, 'feeAccountId')
      const match = await createBankMatch(context.core, context.tenant, {
        accountNumber: account.number,
        entryDate: text(input, 'entryDate') ?? null,
        differenceType: text(input, 'differenceType') ?? null,
        feeAccountNumber: feeId ? (await accountOfId(context, feeId, 'feeAccountId')).number : null,
      })
      return { changed: [ref('bankLineMatch', match.matchId, input.clientId)], deleted: [] }
    },
    update: updateMatch,
    async delete(context, id) {
      const lines = await getBankLines(context.core, context.tenant, { matchIds: [id] })
      const subjects = await getMatchSubjects(context.core, context.tenant, { matchIds: [id] })
      const existed = await deleteBankMatch(context.core, context.tenant, id)
      if (!existed) return { changed: [], deleted: [] }
      return {
        changed: [],
        deleted: [
          ref('bankLineMatch', id),
          ...lines.map((line) => ref('bankLine', line.lineId)),
          ...subjects.map((subject) => ref('bankLineSubjectAssociation', subject.associationId)),
        ],
      }
    },
  },
}

export const bankLines: Resource = {
  def: {
    singular: 'bankLine',
    plural: 'bankLines',
    properties: {
      matchId: { type: 'id', resource: 'bankLineMatch', access: 'immutable', required: true },
      accountId: { type: 'id', resource: 'account', access: 'immutable', required: true },
      entryDate: { type: 'date', access: 'immutable', required: true },
      description: { type: 'string', access: 'immutable', required: true },
      amount: { type: 'float', access: 'immutable', required: true },
      side: { type: 'enum', values: ['debit', 'credit'], access: 'immutable', required: true },
    },
    operations: ['get', 'list', 'create', 'bulkSave', 'delete', 'bulkDelete'],
    filters: { matchId: { type: 'string' }, accountId: { type: 'string' } },
    sortable: ['entryDate'],
  },
  store: {
    fieldNames: { amountMinor: 'amount' },
    async load(context, ids) {
      return lineRecords(context, await getBankLines(context.core, context.tenant, { ids }))
    },
    async byParent(context, _inverse, matchIds) {
      return lineRecords(context, await getBankLines(context.core, context.tenant, { matchIds }))
    },
    async list(context, query) {
      const matchIds = query.filters.matchId
      const records = await lineRecords(
        context,
        await getBankLines(context.core, context.tenant, matchIds ? { matchIds } : {}),
      )
      const accountId = query.filters.accountId
      return listInMemory(records, { ...query, filters: accountId ? { accountId } : {} }, ['description'])
    },
    async create(context, input) {
      const matchId = text(input, 'matchId') ?? ''
      const [match] = await getBankMatches(context.core, context.tenant, { ids: [matchId] })
      if (!match) throw invalidField('matchId', `bank match ${matchId} does not exist`)
      const account = await accountOfId(context, text(input, 'accountId') ?? '', 'accountId')
      if (account.number !== match.accountNumber)
        throw invalidField('accountId', 'a line is on its match’s account')
      const amountMinor = amountToMinor(String(input.values.amount), match.currency, 'amount')
      if (amountMinor <= 0n) throw invalidField('amount', 'amount is positive; side says in or out')
      const line = await addBankLine(context.core, context.tenant, {
        matchId,
        entryDate: text(input, 'entryDate') ?? '',
        description: text(input, 'description') ?? '',
        amountMinor: text(input, 'side') === 'credit' ? -amountMinor : amountMinor,
      })
      return {
        changed: [ref('bankLine', line.lineId, input.clientId), ref('bankLineMatch', matchId)],
        deleted: [],
      }
    },
    async delete(context, id) {
      const removed = await removeFromMatch(context.core, context.tenant, 'line', id)
      return { changed: [], deleted: removed ? [ref('bankLine', id)] : [] }
    },
  },
}

export const bankLineSubjectAssociations: Resource = {
  def: {
    singular: 'bankLineSubjectAssociation',
    plural: 'bankLineSubjectAssociations',
    properties: {
      matchId: { type: 'id', resource: 'bankLineMatch', access: 'immutable', required: true },
      subjectReference: { type: 'reference', access: 'immutable', required: true },
    },
    operations: ['get', 'list', 'create', 'bulkSave', 'delete', 'bulkDelete'],
    filters: { matchId: { type: 'string' } },
  },
  store: {
    fieldNames: { subject: 'subjectReference' },
    async load(context, ids) {
      return (await getMatchSubjects(context.core, context.tenant, { ids })).map(subjectToWire)
    },
    async byParent(context, _inverse, matchIds) {
      return (await getMatchSubjects(context.core, context.tenant, { matchIds })).map(subjectToWire)
    },
    async list(context, query) {
      const matchIds = query.filters.matchId
      const found = await getMatchSubjects(context.core, context.tenant, matchIds ? { matchIds } : {})
      return listInMemory(found.map(subjectToWire), { ...query, filters: {} }, [])
    },
    async create(context, input) {
      const [type = '', id = ''] = (text(input, 'subjectReference') ?? '').split(':')
      const subjectType = SUBJECT_TYPES[type]
      if (!subjectType || id === '')
        throw invalidField(
          'subjectReference',
          'subjectReference is invoice:<id>, bill:<id> or bankPayment:<id>',
        )
      const matchId = text(input, 'matchId') ?? ''
      const subject = await addMatchSubject(context.core, context.tenant, {
        matchId,
        subjectType,
        subjectId: id,
      })
      return {
        changed: [
          ref('bankLineSubjectAssociation', subject.associationId, input.clientId),
          ref('bankLineMatch', matchId),
        ],
        deleted: [],
      }
    },
    async delete(context, id) {
      const removed = await removeFromMatch(context.core, context.tenant, 'subject', id)
      return { changed: [], deleted: removed ? [ref('bankLineSubjectAssociation', id)] : [] }
    },
  },
}
