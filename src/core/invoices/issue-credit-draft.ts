// Issues a draft credit note (created with createInvoice's kind 'credit_note' and the invoice it
// credits) in place: the draft's own row becomes the issued credit note, so it keeps its id (and
// whatever hangs on it) when a vendor approves a draft by id. It is numbered in the credit-note
// series, settled at once, and applied to its invoice and posted as creditInvoice does, all in one
// transaction; the credited invoice is locked before the draft, in the order creditInvoice locks.
// A draft that credits no invoice is issued as a stand-alone credit (issue-standalone-credit.ts).

import { assert } from '../../domain/assert.ts'
import { DomainError, invalidField } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import {
  applyCreditWithin,
  CREDIT_NOTE_SERIES,
  ISSUED_CREDIT_STATE,
  refuseCreditAmount,
  refuseUncreditable,
} from './credit-invoice.ts'
import { loadInvoice } from './invoice-record.ts'
import { issueStandaloneCredit } from './issue-standalone-credit.ts'
import { lockInvoice, organizationOf } from './lock-invoice.ts'
import { assertFound } from './resolve-draft.ts'
import { takeNumber } from './take-number.ts'

export type IssueCreditDraftOptions = Readonly<{ seriesKey?: string }>

/** The invoice a credit note credits (fixed when it is written): null for a stand-alone credit. */
async function creditedIdOf(context: CoreContext, org: string, draftId: string) {
  const head = await context.storage.db
    .selectFrom('invoices')
    .select(['credited_invoice_id', 'kind'])
    .where('organization_id', '=', org)
    .where('invoice_id', '=', draftId)
    .executeTakeFirst()
  return head?.kind === 'credit_note' ? head.credited_invoice_id : undefined
}

/** The draft credit note, locked after the invoice it credits, and that invoice. */
async function lockDraftAndInvoice(
  context: CoreContext,
  tx: Tx,
  org: string,
  draftId: string,
  creditedId: string | null | undefined,
) {
  const invoice = creditedId ? await lockInvoice(context.storage, tx, org, creditedId) : undefined
  const draft = await lockInvoice(context.storage, tx, org, draftId)
  if (draft.kind !== 'credit_note' || draft.state !== 'draft')
    throw new DomainError('wrong_state', 'only a draft credit note is issued this way', {
      state: draft.state,
    })
  if (!invoice || draft.creditedInvoiceId !== invoice.invoiceId)
    throw invalidField('creditedInvoiceId', 'a credit note is issued against the invoice it credits: name it')
  return { draft, invoice }
}

function refuseMismatch(draft: Invoice, invoice: Invoice): void {
  if (draft.lines.length === 0) throw invalidField('lines', 'a credit note needs at least one line')
  if (draft.contactId !== invoice.contactId)
    throw invalidField('contactId', 'a credit note is for the customer of the invoice it credits')
  if (draft.currency !== invoice.currency)
    throw invalidField('currency', `a credit note is in the currency of its invoice, ${invoice.currency}`)
  assert(draft.caseId === invoice.caseId, 'a draft credit note is written in the case of its invoice')
}

export async function issueCreditDraft(
  context: CoreContext,
  tenant: Tenant,
  draftId: string,
  options: IssueCreditDraftOptions = {},
): Promise<Invoice> {
  const org = tenant.organizationId
  const now = nowIso(context)
  const creditedId = await creditedIdOf(context, org, draftId)
  if (creditedId === null) return issueStandaloneCredit(context, tenant, draftId, options)
  await context.storage.db.transaction().execute(async (tx) => {
    const { draft, invoice } = await lockDraftAndInvoice(context, tx, org, draftId, creditedId)
    refuseUncreditable(invoice)
    refuseMismatch(draft, invoice)
    refuseCreditAmount(invoice, draft.grossMinor)
    const creditDate =
      draft.invoiceDate ?? todayFor(context, (await organizationOf(tx, org)).clock_offset_days)
    const seriesKey = options.seriesKey ?? CREDIT_NOTE_SERIES
    const { numberSeq, number } = await takeNumber(context.storage, tx, org, seriesKey)
    await tx
      .updateTable('invoices')
      .set({
        state: ISSUED_CREDIT_STATE,
        series_key: seriesKey,
        number_seq: numberSeq,
        number,
        invoice_date: creditDate,
        due_date: creditDate,
        exchange_rate: invoice.exchangeRate,
        recipient: JSON.stringify({ ...invoice.recipient, ...draft.recipient }),
        paid_minor: draft.grossMinor,
        approved_at: now,
        updated_at: now,
        version: draft.version + 1,
      })
      .where('organization_id', '=', org)
      .where('invoice_id', '=', draftId)
      .execute()
    const creditNote = assertFound(await loadInvoice(tx, org, draftId), 'credit note', draftId)
    await applyCreditWithin(tx, org, { invoice, creditNote, creditDate, now })
  })
  return assertFound(await loadInvoice(context.storage.db, org, draftId), 'credit note', draftId)
}
