// Drafts, edits and deletes daybook transactions (entries written by hand). Every save checks the
// lines as the posting rule will (known accounts, positive amounts, one currency, balanced), so a
// draft that was accepted can always be approved. Approving it in the same call posts it.

import { parseIsoDate } from '../../domain/calendar/dates.ts'
import { DomainError, invalidField, notFound } from '../../domain/errors.ts'
import { manualEntry } from '../../domain/ledger/manual-entry.ts'
import { parseCurrencyCode } from '../../domain/money/currency.ts'
import { forUpdate, type Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { loadChart } from '../ledger/post-entry.ts'
import {
  type DaybookLine,
  type DaybookTransaction,
  lineRows,
  loadDaybookTransactions,
} from './daybook-record.ts'
import { postWithin } from './post-daybook-transaction.ts'

export type DaybookLineInput = Omit<DaybookLine, 'lineNo' | 'extra'> &
  Readonly<{ extra?: Readonly<Record<string, unknown>> }>

export type DaybookTransactionInput = Readonly<{
  daybookId?: string | null
  entryDate?: string
  voucherNo?: string | null
  description?: string | null
  extendedDescription?: string | null
  apiType?: string | null
  priority?: number | null
  lines?: readonly DaybookLineInput[]
  extra?: Readonly<Record<string, unknown>>
}>

const MAX_TEXT = 255

function checkText(value: string | null | undefined, field: string, max = MAX_TEXT): void {
  if (value != null && value.length > max)
    throw invalidField(field, `${field} must be at most ${max} characters`)
}

/** Checks header and lines against the chart exactly as approval will post them. */
async function checkTransaction(
  tx: Tx,
  organizationId: string,
  merged: DaybookTransactionInput,
): Promise<void> {
  const entryDate = parseIsoDate(merged.entryDate, 'entryDate')
  checkText(merged.description, 'description')
  checkText(merged.voucherNo, 'voucherNo')
  checkText(merged.extendedDescription, 'extendedDescription', 10_000)
  checkText(merged.apiType, 'apiType')
  const lines = merged.lines ?? []
  const currencies = [
    ...new Set(lines.map((line, index) => parseCurrencyCode(line.currency, `lines.${index}.currency`))),
  ]
  if (currencies.length > 1)
    throw new DomainError('currency_mismatch', 'the lines of one transaction share one currency', {
      field: 'lines',
    })
  if (merged.daybookId) {
    const daybook = await tx
      .selectFrom('daybooks')
      .select('daybook_id')
      .where('organization_id', '=', organizationId)
      .where('daybook_id', '=', merged.daybookId)
      .executeTakeFirst()
    if (!daybook) throw invalidField('daybookId', `daybook ${merged.daybookId} does not exist`)
  }
  manualEntry(await loadChart(tx, organizationId), {
    entryDate,
    description: merged.description ?? '',
    currency: currencies[0] ?? 'DKK',
    lines,
  })
}

function storedLines(lines: readonly DaybookLineInput[]): Omit<DaybookLine, 'lineNo'>[] {
  return lines.map((line) => ({ ...line, extra: line.extra ?? {} }))
}

export async function createDaybookTransaction(
  context: CoreContext,
  tenant: Tenant,
  input: DaybookTransactionInput,
  options: Readonly<{ approve?: boolean }> = {},
): Promise<DaybookTransaction> {
  const org = tenant.organizationId
  const transactionId = newId()
  const now = nowIso(context)
  await context.storage.db.transaction().execute(async (tx) => {
    await checkTransaction(tx, org, input)
    await tx
      .insertInto('daybook_transactions')
      .values({
        organization_id: org,
        transaction_id: transactionId,
        daybook_id: input.daybookId ?? null,
        entry_date: input.entryDate ?? '',
        voucher_no: input.voucherNo ?? null,
        description: input.description ?? null,
        extended_description: input.extendedDescription ?? null,
        api_type: input.apiType ?? null,
        state: 'draft',
        priority: input.priority ?? null,
        extra: JSON.stringify(input.extra ?? {}),
        created_at: now,
        approved_at: null,
      })
      .execute()
    await tx
      .insertInto('daybook_lines')
      .values(lineRows(org, transactionId, storedLines(input.lines ?? [])))
      .execute()
    if (options.approve) await postWithin(context, tx, tenant, transactionId)
  })
  return loadOne(context, tenant, transactionId)
}

async function loadOne(
  context: CoreContext,
  tenant: Tenant,
  transactionId: string,
): Promise<DaybookTransaction> {
  const [transaction] = await loadDaybookTransactions(context.storage.db, tenant.organizationId, [
    transactionId,
  ])
  if (!transaction) throw notFound('daybook transaction', transactionId)
  return transaction
}

async function lockDraft(
  context: CoreContext,
  tx: Tx,
  organizationId: string,
  transactionId: string,
): Promise<DaybookTransaction> {
  await forUpdate(
    context.storage,
    tx
      .selectFrom('daybook_transactions')
      .select('transaction_id')
      .where('organization_id', '=', organizationId)
      .where('transaction_id', '=', transactionId),
  ).executeTakeFirst()
  const [current] = await loadDaybookTransactions(tx, organizationId, [transactionId])
  if (!current) throw notFound('daybook transaction', transactionId)
  if (current.state !== 'draft')
    throw new DomainError(
      'wrong_state',
      `the transaction is ${current.state}: only drafts can be edited or deleted`,
      { field: 'state' },
    )
  return current
}

export async function updateDaybookTransaction(
  context: CoreContext,
  tenant: Tenant,
  transactionId: string,
  patch: DaybookTransactionInput,
  options: Readonly<{ approve?: boolean }> = {},
): Promise<DaybookTransaction> {
  const org = tenant.organizationId
  await context.storage.db.transaction().execute(async (tx) => {
    const current = await lockDraft(context, tx, org, transactionId)
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
    const merged: DaybookTransactionInput = {
      ...current,
      ...defined,
      extra: { ...current.extra, ...patch.extra },
    }
    await checkTransaction(tx, org, merged)
    await tx
      .updateTable('daybook_transactions')
      .set({
        daybook_id: merged.daybookId ?? null,
        entry_date: merged.entryDate ?? current.entryDate,
        voucher_no: merged.voucherNo ?? null,
        description: merged.description ?? null,
        extended_description: merged.extendedDescription ?? null,
        api_type: merged.apiType ?? null,
        priority: merged.priority ?? null,
        extra: JSON.stringify(merged.extra ?? {}),
      })
      .where('organization_id', '=', org)
      .where('transaction_id', '=', transactionId)
      .execute()
    if (patch.lines !== undefined) {
      await tx
        .deleteFrom('daybook_lines')
        .where('organization_id', '=', org)
        .where('transaction_id', '=', transactionId)
        .execute()
      await tx
        .insertInto('daybook_lines')
        .values(lineRows(org, transactionId, storedLines(patch.lines)))
        .execute()
    }
    if (options.approve) await postWithin(context, tx, tenant, transactionId)
  })
  return loadOne(context, tenant, transactionId)
}

/** Deletes a draft; answers whether it existed, since a repeated delete is not an error. */
export async function deleteDaybookTransaction(
  context: CoreContext,
  tenant: Tenant,
  transactionId: string,
): Promise<boolean> {
  const org = tenant.organizationId
  return context.storage.db.transaction().execute(async (tx) => {
    const [exists] = await loadDaybookTransactions(tx, org, [transactionId])
    if (!exists) return false
    await lockDraft(context, tx, org, transactionId)
    await tx
      .deleteFrom('daybook_lines')
      .where('organization_id', '=', org)
      .where('transaction_id', '=', transactionId)
      .execute()
    await tx
      .deleteFrom('daybook_transactions')
      .where('organization_id', '=', org)
      .where('transaction_id', '=', transactionId)
      .execute()
    return true
  })
}
