// /v2/contactBalancePostings: the lines of the customer-balance account (Danish chart 7390) per
// contact: what a customer paid beyond its invoices (an overpayment, seed bankPayments), and its
// reversal when the payment is voided. Read-only, as in Billy.

import { listLedgerLines } from '../../../core/ledger/list-ledger.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import type { ListQuery, RequestContext, Resource } from '../engine/resource.ts'
import { wireTime } from '../engine/wire-values.ts'
import { chartOf } from './common.ts'
import { entryFilters, originatorOf, postingToWire } from './ledger.ts'

/** Postings on the customer-balance account: what a contact paid beyond its invoices, and its use. */
async function balancePostings(
  context: RequestContext,
  filters: Filter[],
  query: Pick<ListQuery, 'limit' | 'offset'>,
) {
  const account = (await chartOf(context)).find((candidate) => candidate.role === 'customerBalance')
  if (!account) return { records: [], total: 0 }
  const page = await listLedgerLines(context.core, context.tenant, {
    filters: [
      { field: 'accountNumber', op: 'eq', value: account.number },
      { field: 'contactId', op: 'notNull' },
      ...filters,
    ],
    limit: query.limit,
    offset: query.offset,
  })
  const records = await Promise.all(
    page.items.map(async (posting) => {
      const {
        accountId: _account,
        transactionId: _transaction,
        text: _text,
        salesTaxReturnId: _return,
        isBankMatched: _matched,
        priority: _priority,
        organizationId: _organization,
        ...rest
      } = await postingToWire(context, posting.entry, posting)
      return {
        ...rest,
        contactId: posting.contactId,
        originatorReference: originatorOf(posting.entry),
        createdTime: wireTime(posting.entry.createdAt),
      }
    }),
  )
  return { records, total: page.totalCount }
}

export const contactBalancePostings: Resource = {
  def: {
    singular: 'contactBalancePosting',
    plural: 'contactBalancePostings',
    properties: {
      contactId: { type: 'id', resource: 'contact', access: 'readonly' },
      originatorReference: { type: 'reference', access: 'readonly' },
      createdTime: { type: 'datetime', access: 'readonly' },
      entryDate: { type: 'date', access: 'readonly' },
      amount: { type: 'float', access: 'readonly' },
      side: { type: 'enum', values: ['debit', 'credit'], access: 'readonly' },
      currencyId: { type: 'id', resource: 'currency', access: 'readonly' },
      isVoided: { type: 'boolean', access: 'readonly' },
    },
    operations: ['get', 'list'],
    filters: {
      contactId: { type: 'string' },
      originatorReference: { type: 'reference' },
      isVoided: { type: 'boolean' },
      currencyId: { type: 'string' },
    },
  },
  store: {
    async load(context, ids) {
      const entryIds = [...new Set(ids.map((id) => id.split('.')[0] ?? ''))]
      const wanted = new Set(ids)
      const page = await balancePostings(context, [{ field: 'entryId', op: 'in', value: entryIds }], {
        limit: 1000,
        offset: 0,
      })
      return page.records.filter((record) => wanted.has(record.id))
    },
    async byParent(context, _inverse, paymentIds) {
      const filters: Filter[] = [
        { field: 'sourceType', op: 'eq', value: 'payment' },
        { field: 'sourceId', op: 'in', value: paymentIds },
      ]
      return (await balancePostings(context, filters, { limit: 1000, offset: 0 })).records
    },
    async list(context, query) {
      const filters = entryFilters(query)
      if (query.filters.contactId)
        filters.push({ field: 'contactId', op: 'in', value: query.filters.contactId })
      return balancePostings(context, filters, query)
    },
  },
}
