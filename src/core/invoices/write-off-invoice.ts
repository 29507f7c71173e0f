// Writes off what an invoice still owes (or part of it) as lost: bad debt, with the VAT inside it
// taken back per rate, and the invoice moves to written off when nothing is left. One transaction,
// the invoice row locked.

import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { writeOffEntry } from '../../domain/ledger/write-off-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { loadInvoice } from './invoice-record.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from './lock-invoice.ts'
import { lossPartsOf } from './loss-parts.ts'
import { assertFound } from './resolve-draft.ts'

export type WriteOffInput = Readonly<{ invoiceId: string; amountMinor?: bigint; reason?: string }>

export async function writeOffInvoice(
  context: CoreContext,
  tenant: Tenant,
  input: WriteOffInput,
): Promise<Invoice> {
  const org = tenant.organizationId
  const now = nowIso(context)
  await context.storage.db.transaction().execute(async (tx) => {
    const invoice = await lockInvoice(context.storage, tx, org, input.invoiceId)
    if (invoice.kind !== 'invoice')
      throw new DomainError('wrong_state', 'only invoices are written off', { field: 'invoiceId' })
    const amountMinor = input.amountMinor ?? invoice.balanceMinor
    if (amountMinor <= 0n)
      throw new DomainError('wrong_state', 'nothing is owed on this invoice', { state: invoice.state })
    if (amountMinor > invoice.balanceMinor)
      throw invalidField('amount', `at most ${invoice.balanceMinor} minor units are owed`)
    // A partial write-off keeps the invoice where it is; the last of the balance ends it.
    const finalState = nextState(invoice.state, 'writeOff')
    const state = amountMinor === invoice.balanceMinor ? finalState : invoice.state
    const organization = await organizationOf(tx, org)
    const entryDate = todayFor(context, organization.clock_offset_days)
    await saveLockedInvoice(
      tx,
      org,
      invoice,
      { written_off_minor: invoice.writtenOffMinor + amountMinor, state },
      now,
    )
    const chart = await loadChart(tx, org)
    const entry = writeOffEntry(chart, {
      entryDate,
      description: `Write-off of invoice ${invoice.number}`,
      currency: invoice.currency as CurrencyCode,
      invoiceId: invoice.invoiceId,
      contactId: invoice.contactId,
      ...lossPartsOf(invoice, amountMinor),
    })
    await postEntry(tx, org, entry, { type: 'write_off', id: invoice.invoiceId }, now)
    await recordAndAnnounce(tx, {
      organizationId: org,
      type: 'invoice.written_off',
      caseId: invoice.caseId,
      invoiceId: invoice.invoiceId,
      data: { amountMinor, reason: input.reason ?? null },
      occurredAt: now,
    })
  })
  return assertFound(await loadInvoice(context.storage.db, org, input.invoiceId), 'invoice', input.invoiceId)
}
