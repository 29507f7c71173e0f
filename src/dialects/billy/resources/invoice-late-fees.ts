// /v2/invoiceLateFees: a fee charged on an approved invoice, a flat amount plus a percentage of
// what the invoice still owes; it raises the invoice's balance and posts as reminder-fee income.
// `isVoided: true` takes it off again while no payment has covered it.

import { chargeLateFee, getLateFees, type LateFee, voidLateFee } from '../../../core/invoices/late-fees.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, Resource, WireRecord } from '../engine/resource.ts'
import { listInMemory } from '../engine/static-store.ts'
import { decimalNumber, moneyNumber, wireTime } from '../engine/wire-values.ts'
import { CREATED_TIME, ref, text } from './common.ts'

function lateFeeToWire(fee: LateFee): WireRecord {
  return {
    id: fee.feeId,
    invoiceId: fee.invoiceId,
    createdTime: wireTime(fee.createdAt),
    entryDate: fee.entryDate,
    flatFee: decimalNumber(fee.flatFee),
    percentageFee: decimalNumber(fee.percentageFee),
    amount: moneyNumber(fee.amountMinor, fee.currency),
    isVoided: fee.isVoided,
  }
}

export const invoiceLateFees: Resource = {
  def: {
    singular: 'invoiceLateFee',
    plural: 'invoiceLateFees',
    properties: {
      invoiceId: { type: 'id', resource: 'invoice', access: 'immutable', required: true },
      createdTime: CREATED_TIME,
      entryDate: { type: 'date', access: 'immutable', required: true },
      flatFee: { type: 'float', access: 'immutable', required: true },
      percentageFee: {
        type: 'float',
        access: 'immutable',
        required: true,
        description: 'Percent of what the invoice still owes: 2 is 2%.',
      },
      amount: { type: 'float', access: 'readonly' },
      isVoided: { type: 'boolean' },
    },
    operations: ['get', 'list', 'create', 'update', 'bulkSave'],
    filters: { invoiceId: { type: 'string' }, isVoided: { type: 'boolean' } },
    sortable: ['entryDate', 'createdTime'],
  },
  store: {
    fieldNames: { fee: 'flatFee' },
    async load(context, ids) {
      return (await getLateFees(context.core, context.tenant, { ids })).map(lateFeeToWire)
    },
    async byParent(context, _inverse, invoiceIds) {
      return (await getLateFees(context.core, context.tenant, { invoiceIds })).map(lateFeeToWire)
    },
    async list(context, query) {
      const invoiceIds = query.filters.invoiceId
      if (!invoiceIds) throw invalidField('invoiceId', 'late fees are listed per invoice: give invoiceId')
      const fees = (await getLateFees(context.core, context.tenant, { invoiceIds })).map(lateFeeToWire)
      return listInMemory(
        fees,
        { ...query, filters: query.filters.isVoided ? { isVoided: query.filters.isVoided } : {} },
        [],
      )
    },
    async create(context, input): Promise<Changes> {
      if (input.values.isVoided === true) throw invalidField('isVoided', 'a new late fee cannot be voided')
      const fee = await chargeLateFee(context.core, context.tenant, {
        invoiceId: text(input, 'invoiceId') ?? '',
        entryDate: text(input, 'entryDate') ?? '',
        flatFee: String(input.values.flatFee),
        percentageFee: String(input.values.percentageFee),
      })
      return {
        changed: [ref('invoiceLateFee', fee.feeId, input.clientId), ref('invoice', fee.invoiceId)],
        deleted: [],
      }
    },
    async update(context, id, input, current): Promise<Changes> {
      if (input.values.isVoided === false && current.isVoided === true)
        throw invalidField('isVoided', 'a voided late fee cannot be reinstated')
      if (input.values.isVoided !== true)
        return { changed: [ref('invoiceLateFee', id, input.clientId)], deleted: [] }
      const fee = await voidLateFee(context.core, context.tenant, id)
      return {
        changed: [ref('invoiceLateFee', id, input.clientId), ref('invoice', fee.invoiceId)],
        deleted: [],
      }
    },
  },
}
