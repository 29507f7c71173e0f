// Writes down a doubtful invoice and reverts the write-down. A write-down provides for the loss of
// what the invoice still owes, net of the VAT a final loss would take back (befarad kundförlust,
// Einzelwertberichtigung): the claim stays owed and the invoice keeps its state, the provision is
// posted against the receivables' contra account. Reverting releases what is left of it. One
// transaction each, the invoice row locked; later payments, credits and write-offs lower or release
// the provision through saveLockedInvoice (write-down.ts).

import { DomainError } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { writeDownEntry } from '../../domain/ledger/write-down-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { loadInvoice } from './invoice-record.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from './lock-invoice.ts'
import { assertFound } from './resolve-draft.ts'
import { postRelease, provisionMinorOf, WRITE_DOWN_SOURCE, withWriteDown, writeDownOf } from './write-down.ts'

export const WRITE_DOWN_EVENTS = {
  writtenDown: 'invoice.written_down',
  reverted: 'invoice.write_down_reverted',
} as const

type Within = (unit: CoreContext, tx: Tx, tenant: Tenant, invoiceId: string) => Promise<void>

/** Runs one of the changes below in a transaction of its own and answers the invoice after it. */
async function alone(context: CoreContext, tenant: Tenant, invoiceId: string, within: Within) {
  await context.storage.db.transaction().execute((tx) => within(context, tx, tenant, invoiceId))
  const invoice = await loadInvoice(context.storage.db, tenant.organizationId, invoiceId)
  return assertFound(invoice, 'invoice', invoiceId)
}

export async function writeDownInvoice(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
): Promise<Invoice> {
  return alone(context, tenant, invoiceId, writeDownWithin)
}

export async function revertWriteDown(
  context: CoreContext,
  tenant: Tenant,
  invoiceId: string,
): Promise<Invoice> {
  return alone(context, tenant, invoiceId, revertWriteDownWithin)
}

export async function writeDownWithin(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  invoiceId: string,
): Promise<void> {
  const org = tenant.organizationId
  const now = nowIso(unit)
  const invoice = await lockInvoice(unit.storage, tx, org, invoiceId)
  if (invoice.kind !== 'invoice')
    throw new DomainError('wrong_state', 'only invoices are written down', { field: 'invoiceId' })
  nextState(invoice.state, 'writeDown')
  if (writeDownOf(invoice.extra))
    throw new DomainError('wrong_state', 'the invoice is written down already', { state: invoice.state })
  const amountMinor = provisionMinorOf(invoice)
  if (amountMinor <= 0n)
    throw new DomainError('wrong_state', 'nothing is owed on this invoice', { state: invoice.state })
  const organization = await organizationOf(tx, org)
  const on = todayFor(unit, organization.clock_offset_days)
  const extra = withWriteDown(invoice.extra, { amountMinor, on })
  await saveLockedInvoice(tx, org, invoice, { extra: JSON.stringify(extra) }, now)
  const entry = writeDownEntry(await loadChart(tx, org), {
    entryDate: on,
    description: `Write-down of invoice ${invoice.number}`,
    currency: invoice.currency as CurrencyCode,
    amountMinor,
    direction: 'provide',
  })
  await postEntry(tx, org, entry, { type: WRITE_DOWN_SOURCE, id: invoiceId }, now)
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: WRITE_DOWN_EVENTS.writtenDown,
    caseId: invoice.caseId,
    invoiceId,
    data: { amountMinor, balanceMinor: invoice.balanceMinor },
    occurredAt: now,
  })
}

export async function revertWriteDownWithin(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  invoiceId: string,
): Promise<void> {
  const org = tenant.organizationId
  const now = nowIso(unit)
  const invoice = await lockInvoice(unit.storage, tx, org, invoiceId)
  const writeDown = writeDownOf(invoice.extra)
  if (!writeDown)
    throw new DomainError('wrong_state', 'the invoice is not written down', { state: invoice.state })
  nextState(invoice.state, 'revertWriteDown')
  await saveLockedInvoice(
    tx,
    org,
    invoice,
    { extra: JSON.stringify(withWriteDown(invoice.extra, undefined)) },
    now,
  )
  await postRelease(tx, org, invoice, writeDown.amountMinor, now)
  await recordAndAnnounce(tx, {
    organizationId: org,
    type: WRITE_DOWN_EVENTS.reverted,
    caseId: invoice.caseId,
    invoiceId,
    data: { amountMinor: writeDown.amountMinor },
    occurredAt: now,
  })
}
