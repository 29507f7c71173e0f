// /v2/bills and /v2/billLines: suppliers' bills. Lines are coded to accounts and saved embedded
// (replacing a draft's lines); `state: "approved"` posts expenses, input VAT and what is owed to
// the supplier; a bill with `paymentAccountId` is paid from that account when approved; `voided`
// reverses an unpaid bill. Bills are paid by bank payments with `cashSide: "credit"`.

import type { Bill } from '../../../core/bills/bill-record.ts'
import { getBills, listBills } from '../../../core/bills/list-bills.ts'
import { payBills } from '../../../core/bills/pay-bills.ts'
import { voidBill } from '../../../core/bills/post-bill.ts'
import { type BillInput, createBill, deleteBill, updateBill } from '../../../core/bills/save-bill.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { DomainError, invalidField } from '../../../domain/errors.ts'
import type { BillLineInput } from '../../../domain/purchases/bill.ts'
import type { Changes, ListQuery, RequestContext, Resource, WireInput } from '../engine/resource.ts'
import { amountToMinor } from '../engine/wire-values.ts'
import { BILL_DEF, BILL_LINE_DEF, billLineId, billLineToWire, billToWire } from './bill-wire.ts'
import {
  accountOfId,
  baseCurrencyOf,
  billyFieldsOf,
  chartOf,
  checkOrganization,
  definedOnly,
  ref,
  text,
  textPatch,
  withBillyFields,
} from './common.ts'
import { saveWithAttachments, withAttachmentsRemoved } from './files.ts'
import { newLineKey, orderedLines } from './invoice-input.ts'
import { taxOfRate } from './tax-rates.ts'

async function linesOf(context: RequestContext, lines: readonly WireInput[]): Promise<BillLineInput[]> {
  const result: BillLineInput[] = []
  for (const { line, index } of orderedLines(lines)) {
    const account = await accountOfId(context, text(line, 'accountId') ?? '', `lines.${index}.accountId`)
    const taxRateId = text(line, 'taxRateId')
    const tax = taxRateId ? taxOfRate(taxRateId, `lines.${index}.taxRateId`) : undefined
    result.push({
      accountNumber: account.number,
      description: text(line, 'description') ?? '',
      amount: String(line.values.amount),
      vatRatePercent: tax?.vatRatePercent ?? null,
      taxTreatment: tax?.taxTreatment ?? null,
      extra: { billy: { lineKey: newLineKey(), priority: line.values.priority } },
    })
  }
  return result
}

async function inputOf(context: RequestContext, input: WireInput, current?: Bill): Promise<BillInput> {
  if (input.values.creditedBillId)
    throw invalidField('creditedBillId', 'Faktura does not offer credit notes for bills; void the bill')
  const taxMode = text(input, 'taxMode')
  const billy = {
    contactName: input.values.contactName,
    isBare: input.values.isBare,
    paymentAccountId: input.values.paymentAccountId,
    paymentDate: input.values.paymentDate,
  }
  return definedOnly({
    contactId: text(input, 'contactId') ?? undefined,
    entryDate: text(input, 'entryDate') ?? undefined,
    dueDate: textPatch(input, 'dueDate'),
    currency: text(input, 'currencyId') ?? (current ? undefined : await baseCurrencyOf(context)),
    priceBasis: taxMode ? (taxMode === 'incl' ? ('gross' as const) : ('net' as const)) : undefined,
    suppliersInvoiceNo: textPatch(input, 'suppliersInvoiceNo'),
    voucherNo: textPatch(input, 'voucherNo'),
    lines: input.children.lines ? await linesOf(context, input.children.lines) : undefined,
    extra: withBillyFields(current?.extra ?? {}, billy),
  })
}

/** A bill approved with a payment account is paid from it at once, for its whole amount. */
async function payAtOnce(context: RequestContext, bill: Bill): Promise<string[]> {
  const billy = billyFieldsOf(bill.extra)
  if (bill.state !== 'approved' || typeof billy.paymentAccountId !== 'string' || bill.grossMinor <= 0n)
    return []
  const account = await accountOfId(context, billy.paymentAccountId, 'paymentAccountId')
  const paid = await payBills(context.core, context.tenant, {
    billIds: [bill.billId],
    settledMinor: bill.grossMinor,
    paidOn: typeof billy.paymentDate === 'string' ? billy.paymentDate : bill.entryDate,
    cashAccountNumber: account.number,
    extra: { billy: { cashSide: 'credit', cashAccountId: account.id } },
  })
  return [paid.paymentId]
}

function billChanges(
  bill: Bill,
  input: WireInput,
  before: Bill | undefined,
  paymentIds: readonly string[],
): Changes {
  const kept = new Set(bill.lines.map((line) => billLineId(bill.billId, line)))
  const clientIds = orderedLines(input.children.lines ?? []).map(({ line }) => line.clientId)
  return {
    changed: [
      ref('bill', bill.billId, input.clientId),
      ...bill.lines.map((line, index) =>
        ref('billLine', billLineId(bill.billId, line), input.children.lines ? clientIds[index] : undefined),
      ),
      ...paymentIds.map((id) => ref('bankPayment', id)),
    ],
    deleted: (before?.lines ?? [])
      .map((line) => billLineId(bill.billId, line))
      .filter((id) => !kept.has(id))
      .map((id) => ref('billLine', id)),
  }
}

async function createBillyBill(context: RequestContext, input: WireInput): Promise<Changes> {
  checkOrganization(context, input)
  const state = input.values.state ?? 'draft'
  if (state === 'voided') throw invalidField('state', 'a bill is created as draft or approved')
  const bill = await createBill(context.core, context.tenant, await inputOf(context, input), {
    approve: state === 'approved',
  })
  return billChanges(bill, input, undefined, await payAtOnce(context, bill))
}

async function updateBillyBill(context: RequestContext, id: string, input: WireInput): Promise<Changes> {
  const [current] = await getBills(context.core, context.tenant, [id])
  if (!current) throw invalidField('id', `bill ${id} does not exist`)
  const state = input.values.state
  const edits = [...Object.keys(input.values), ...Object.keys(input.children)].filter(
    (name) => name !== 'state' && name !== 'organizationId',
  )
  if (current.state !== 'draft') {
    const [edited] = edits
    if (edited)
      throw new DomainError('wrong_state', `the bill is ${current.state}; only its state can change`, {
        field: edited,
      })
    if (state === 'draft')
      throw new DomainError('wrong_state', 'an approved bill cannot go back to draft', { field: 'state' })
    if (state === 'voided') await voidBill(context.core, context.tenant, id)
    const [after] = await getBills(context.core, context.tenant, [id])
    return billChanges(after ?? current, input, current, [])
  }
  if (state === 'voided') throw invalidField('state', 'a draft is deleted, not voided')
  const saved =
    edits.length > 0 || state === 'approved'
      ? await updateBill(context.core, context.tenant, id, await inputOf(context, input, current), {
          approve: state === 'approved',
        })
      : current
  return billChanges(saved, input, current, await payAtOnce(context, saved))
}

function billFilters(query: ListQuery, currency: string): Filter[] {
  const f = query.filters
  const filters: Filter[] = []
  for (const [name, field] of [
    ['contactId', 'contactId'],
    ['state', 'state'],
    ['currencyId', 'currency'],
    ['suppliersInvoiceNo', 'suppliersInvoiceNo'],
  ] as const)
    if (f[name]) filters.push({ field, op: 'in', value: f[name] })
  for (const [name, field, op] of [
    ['minEntryDate', 'entryDate', 'gte'],
    ['maxEntryDate', 'entryDate', 'lte'],
    ['minDueDate', 'dueDate', 'gte'],
    ['maxDueDate', 'dueDate', 'lte'],
  ] as const) {
    const value = f[name]?.[0]
    if (value) filters.push({ field, op, value })
  }
  if (f.isPaid?.[0] === 'true')
    filters.push(
      { field: 'state', op: 'eq', value: 'approved' },
      { field: 'balanceMinor', op: 'lte', value: 0n },
    )
  if (f.isPaid?.[0] === 'false') filters.push({ field: 'balanceMinor', op: 'gt', value: 0n })
  if (f.amount)
    filters.push({
      field: 'netMinor',
      op: 'in',
      value: f.amount.map((text) => amountToMinor(text, currency, 'amount')),
    })
  return filters
}

const SORT: Readonly<Record<string, string>> = {
  entryDate: 'entryDate',
  dueDate: 'dueDate',
  createdTime: 'createdAt',
  amount: 'netMinor',
  grossAmount: 'grossMinor',
  balance: 'balanceMinor',
  voucherNo: 'voucherNo',
  suppliersInvoiceNo: 'suppliersInvoiceNo',
}

export const bills: Resource = {
  def: BILL_DEF,
  store: {
    fieldNames: {
      entryDate: 'entryDate',
      currency: 'currencyId',
      priceBasis: 'taxMode',
      'lines.*.accountNumber': 'accountId',
      'lines.*.vatRatePercent': 'taxRateId',
    },
    async load(context, ids) {
      const baseCurrency = await baseCurrencyOf(context)
      return (await getBills(context.core, context.tenant, ids)).map((bill) =>
        billToWire(context, bill, baseCurrency),
      )
    },
    async list(context, query) {
      const baseCurrency = await baseCurrencyOf(context)
      const q = query.q
      const page = await listBills(context.core, context.tenant, {
        filters: billFilters(query, baseCurrency),
        ...(q
          ? {
              anyOf: ['suppliersInvoiceNo', 'voucherNo'].map((field) => [
                { field, op: 'contains' as const, value: q, caseInsensitive: true },
              ]),
            }
          : {}),
        orderBy: query.sort
          ? [{ field: SORT[query.sort.property] ?? 'createdAt', direction: query.sort.direction }]
          : [],
        limit: query.limit,
        offset: query.offset,
      })
      return {
        records: page.items.map((bill) => billToWire(context, bill, baseCurrency)),
        total: page.totalCount,
      }
    },
    create: (context, input) =>
      saveWithAttachments(context, { resource: 'bill', type: 'bill' }, input, (rest) =>
        createBillyBill(context, rest),
      ),
    update: (context, id, input) =>
      saveWithAttachments(context, { resource: 'bill', type: 'bill', id }, input, (rest) =>
        updateBillyBill(context, id, rest),
      ),
    async delete(context, id) {
      const [bill] = await getBills(context.core, context.tenant, [id])
      if (!bill) return { changed: [], deleted: [] }
      await deleteBill(context.core, context.tenant, id)
      return withAttachmentsRemoved(context, id, {
        changed: [],
        deleted: [ref('bill', id), ...bill.lines.map((line) => ref('billLine', billLineId(id, line)))],
      })
    },
  },
}

async function billLineRecords(context: RequestContext, billIds: readonly string[]) {
  const chart = await chartOf(context)
  const accountIdOf = (number: string) => chart.find((account) => account.number === number)?.id ?? null
  return (await getBills(context.core, context.tenant, billIds)).flatMap((bill) =>
    bill.lines.map((line) => billLineToWire(bill, line, accountIdOf)),
  )
}

export const billLines: Resource = {
  def: BILL_LINE_DEF,
  store: {
    async load(context, ids) {
      const wanted = new Set(ids)
      return (await billLineRecords(context, [...new Set(ids.map((id) => id.split('.')[0] ?? ''))])).filter(
        (line) => wanted.has(line.id),
      )
    },
    byParent: (context, _inverse, billIds) => billLineRecords(context, billIds),
    async list(context, query) {
      const billIds = query.filters.billId
      if (!billIds) throw invalidField('billId', 'bill lines are listed per bill: give billId')
      const lines = await billLineRecords(context, billIds)
      return { records: lines.slice(query.offset, query.offset + query.limit), total: lines.length }
    },
  },
}
