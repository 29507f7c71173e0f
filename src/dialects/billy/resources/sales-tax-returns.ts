// /v2/salesTaxReturns and /v2/salesTaxPayments. The returns are the organization's VAT quarters
// (Billy's default period) from its first posting to today; each is computed from the postings by
// the core (core/vat/vat-returns.ts). `isSettled: true` settles a quarter: its output and input
// VAT move to 7430 Momsafregning, dated the quarter's last day, and its postings then name it in
// `salesTaxReturnId`. A sales tax payment pays the settlement from a bank account.

import {
  getVatPayments,
  payVatReturn,
  type VatPayment,
  voidVatPayment,
} from '../../../core/vat/vat-payments.ts'
import {
  describeVatReturn,
  firstEntryDate,
  getVatReturns,
  reopenVatReturn,
  settleVatReturn,
  type VatPeriod,
  type VatReturn,
} from '../../../core/vat/vat-returns.ts'
import { addDays } from '../../../domain/calendar/dates.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { listInMemory } from '../engine/static-store.ts'
import { moneyNumber, wireTime } from '../engine/wire-values.ts'
import { accountIdOfNumber, accountOfId, CREATED_TIME, flag, ORGANIZATION, ref, text } from './common.ts'

/** At most 50 years of quarters are listed. */
const MAX_QUARTERS = 200

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** The quarter a return id (`2024-Q2`) names, refused naming `field` when it names none. */
export function quarterOf(id: string, field = 'id'): VatPeriod & { year: number; quarter: number } {
  const match = /^(\d{4})-Q([1-4])$/.exec(id)
  if (!match) throw invalidField(field, `${JSON.stringify(id)} is not a sales tax return`)
  const year = Number(match[1])
  const quarter = Number(match[2])
  const startDate = `${year}-${pad(quarter * 3 - 2)}-01`
  const endDate = addDays(quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(quarter * 3 + 1)}-01`, -1)
  return { returnId: id, startDate, endDate, year, quarter }
}

function quarterIdOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
}

/** Danish quarterly VAT is due on the first day of the third month after the quarter. */
function defaultDeadline(endDate: string): string {
  const year = Number(endDate.slice(0, 4))
  const month = Number(endDate.slice(5, 7)) + 3
  return month > 12 ? `${year + 1}-${pad(month - 12)}-01` : `${year}-${pad(month)}-01`
}

async function returnRecords(context: RequestContext, ids: readonly string[]): Promise<WireRecord[]> {
  const stored = new Map(
    (await getVatReturns(context.core, context.tenant, ids)).map((item) => [item.returnId, item]),
  )
  const paid = new Set(
    (await getVatPayments(context.core, context.tenant, { returnIds: ids }))
      .filter((payment) => !payment.isVoided)
      .map((payment) => payment.returnId),
  )
  return ids.map((id) => {
    const period = quarterOf(id)
    const row = stored.get(id)
    return {
      id,
      organizationId: context.tenant.organizationId,
      createdTime: wireTime(row?.createdAt ?? `${period.startDate}T00:00:00.000Z`),
      periodType: 'quarter',
      period: `quarter:${period.year}-${period.quarter}`,
      periodText:
        row?.periodText ??
        (context.language === 'da'
          ? `${period.quarter}. kvartal ${period.year}`
          : `Q${period.quarter} ${period.year}`),
      correctionNo: 0,
      startDate: period.startDate,
      endDate: period.endDate,
      reportDeadline: row?.reportDeadline ?? defaultDeadline(period.endDate),
      isSettled: row?.isSettled ?? false,
      isPaid: paid.has(id),
    }
  })
}

async function allQuarterIds(context: RequestContext): Promise<string[]> {
  const first = await firstEntryDate(context.core, context.tenant)
  if (!first) return []
  const last = quarterIdOf(context.core.clock.now().toISOString().slice(0, 10))
  const ids: string[] = []
  let id = quarterIdOf(first)
  while (ids.length < MAX_QUARTERS) {
    ids.push(id)
    if (id >= last) break
    const { year, quarter } = quarterOf(id)
    id = quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`
  }
  return ids
}

async function updateReturn(context: RequestContext, id: string, input: WireInput): Promise<Changes> {
  const period = quarterOf(id)
  const periodText = text(input, 'periodText')
  const reportDeadline = text(input, 'reportDeadline')
  if (periodText !== undefined || reportDeadline !== undefined)
    await describeVatReturn(context.core, context.tenant, period, {
      ...(periodText !== undefined ? { periodText } : {}),
      ...(reportDeadline !== undefined ? { reportDeadline } : {}),
    })
  const settled = flag(input, 'isSettled')
  if (settled === true) await settleVatReturn(context.core, context.tenant, period)
  if (settled === false) await reopenVatReturn(context.core, context.tenant, period)
  return { changed: [ref('salesTaxReturn', id, input.clientId)], deleted: [] }
}

export const salesTaxReturns: Resource = {
  def: {
    singular: 'salesTaxReturn',
    plural: 'salesTaxReturns',
    description: 'The VAT quarters from the first posting to today; isSettled settles one.',
    properties: {
      organizationId: { ...ORGANIZATION, access: 'readonly' },
      createdTime: CREATED_TIME,
      periodType: { type: 'enum', values: ['quarter'], access: 'readonly' },
      period: { type: 'string', access: 'readonly' },
      periodText: { type: 'string' },
      correctionNo: { type: 'integer', access: 'readonly' },
      startDate: { type: 'date', access: 'readonly' },
      endDate: { type: 'date', access: 'readonly' },
      reportDeadline: { type: 'date' },
      isSettled: { type: 'boolean' },
      isPaid: { type: 'boolean', access: 'readonly' },
    },
    operations: ['get', 'list', 'update', 'bulkSave'],
    filters: { isSettled: { type: 'boolean' }, isPaid: { type: 'boolean' } },
    sortable: ['startDate'],
  },
  store: {
    async load(context, ids) {
      const valid = ids.filter((id) => /^\d{4}-Q[1-4]$/.test(id))
      return returnRecords(context, valid)
    },
    async list(context, query) {
      return listInMemory(await returnRecords(context, await allQuarterIds(context)), query, [])
    },
    update: updateReturn,
  },
}

async function paymentToWire(context: RequestContext, payment: VatPayment): Promise<WireRecord> {
  const paidOut = payment.amountMinor > 0n
  return {
    id: payment.paymentId,
    salesTaxReturnId: payment.returnId,
    entryDate: payment.entryDate,
    accountId: await accountIdOfNumber(context, payment.accountNumber),
    amount: moneyNumber(paidOut ? payment.amountMinor : -payment.amountMinor, payment.currency),
    // The side of the bank account: paying VAT credits it, a refund debits it.
    side: paidOut ? 'credit' : 'debit',
    isVoided: payment.isVoided,
  }
}

export const salesTaxPayments: Resource = {
  def: {
    singular: 'salesTaxPayment',
    plural: 'salesTaxPayments',
    properties: {
      salesTaxReturnId: { type: 'id', resource: 'salesTaxReturn', access: 'immutable', required: true },
      entryDate: { type: 'date', access: 'immutable', required: true },
      accountId: { type: 'id', resource: 'account', access: 'immutable', required: true },
      amount: { type: 'float', access: 'readonly' },
      side: { type: 'enum', values: ['debit', 'credit'], access: 'readonly' },
      isVoided: { type: 'boolean' },
    },
    operations: ['get', 'list', 'create', 'update', 'bulkSave'],
    filters: { salesTaxReturnId: { type: 'string' }, isVoided: { type: 'boolean' } },
    sortable: ['entryDate'],
  },
  store: {
    fieldNames: { accountNumber: 'accountId' },
    async load(context, ids) {
      const found = await getVatPayments(context.core, context.tenant, { ids })
      return Promise.all(found.map((payment) => paymentToWire(context, payment)))
    },
    async list(context, query) {
      const returnIds = query.filters.salesTaxReturnId
      const found = await getVatPayments(context.core, context.tenant, returnIds ? { returnIds } : {})
      const records = await Promise.all(found.map((payment) => paymentToWire(context, payment)))
      const isVoided = query.filters.isVoided
      return listInMemory(records, { ...query, filters: isVoided ? { isVoided } : {} }, [])
    },
    async create(context, input) {
      if (input.values.isVoided === true) throw invalidField('isVoided', 'a new payment cannot be voided')
      const returnId = text(input, 'salesTaxReturnId') ?? ''
      quarterOf(returnId, 'salesTaxReturnId')
      const account = await accountOfId(context, text(input, 'accountId') ?? '', 'accountId')
      const payment = await payVatReturn(context.core, context.tenant, {
        returnId,
        entryDate: text(input, 'entryDate') ?? '',
        accountNumber: account.number,
      })
      return {
        changed: [ref('salesTaxPayment', payment.paymentId, input.clientId), ref('salesTaxReturn', returnId)],
        deleted: [],
      }
    },
    async update(context, id, input, current) {
      if (input.values.isVoided === false && current.isVoided === true)
        throw invalidField('isVoided', 'a voided payment cannot be reinstated')
      if (input.values.isVoided === true) await voidVatPayment(context.core, context.tenant, id)
      return {
        changed: [
          ref('salesTaxPayment', id, input.clientId),
          ref('salesTaxReturn', String(current.salesTaxReturnId)),
        ],
        deleted: [],
      }
    },
  },
}

/** The settled returns, read once per request, for the postings' `salesTaxReturnId`. */
export async function settledReturnsOf(context: RequestContext): Promise<readonly VatReturn[]> {
  const cached = context.cache.get('settledVatReturns') as readonly VatReturn[] | undefined
  if (cached) return cached
  const settled = (await getVatReturns(context.core, context.tenant)).filter((item) => item.isSettled)
  context.cache.set('settledVatReturns', settled)
  return settled
}
