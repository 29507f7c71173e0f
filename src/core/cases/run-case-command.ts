// Runs one command on a case (issue, deliver, remind, pay, credit, write off, write down, message, respite,
// attach) on its primary invoice, through the use cases that own each rule, and in the same
// transaction enqueues the callbacks of every event the command recorded. Either the change, its
// events and its callbacks all commit, or none does. Returns the case as it then stands.

import { notFound } from '../../domain/errors.ts'
import type { Invoice } from '../../domain/invoicing/invoice.ts'
import type { Tx } from '../../storage/database.ts'
import { type CallbackRenderer, enqueueCaseCallbacks } from '../callbacks/enqueue-case-callbacks.ts'
import { contactFromRow } from '../contacts/contact-record.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { loadDunningFacts } from '../dunning/dunning-facts.ts'
import { handOverWithin } from '../dunning/hand-over-to-collection.ts'
import { sendReminder } from '../dunning/send-reminder.ts'
import { approveInvoice, approveLockedWithin, approveWithin } from '../invoices/approve-invoice.ts'
import { creditInvoice } from '../invoices/credit-invoice.ts'
import type { CreditSelection } from '../invoices/credit-lines.ts'
import { checkChannels, sendInvoice, sendLockedWithin } from '../invoices/send-invoice.ts'
import { allocateCreditWithin, payOutCreditWithin } from '../invoices/settle-standalone-credit.ts'
import { revertWriteDownWithin, writeDownWithin } from '../invoices/write-down-invoice.ts'
import { writeOffInvoice } from '../invoices/write-off-invoice.ts'
import { recordPayment } from '../payments/record-payment.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { type AttachmentInput, putAttachmentWithin } from './case-attachment.ts'
import { type CaseRecord, loadCase, primaryInvoiceOf } from './case-details.ts'
import { channelsFor, type DeliveryChoice } from './delivery-channels.ts'
import { type CaseDetails, caseDetailsOf } from './get-case.ts'
import { postSenderMessageWithin } from './message-to-recipient.ts'
import { grantRespiteWithin, removeRespiteWithin } from './respite.ts'

export const CASE_EVENTS = {
  sent: 'invoice.sent',
  resent: 'invoice.resent',
  creditNoteSent: 'invoice.credit_note_sent',
} as const

export type CaseCommand =
  | Readonly<{ type: 'issue'; delivery?: DeliveryChoice }>
  | Readonly<{ type: 'deliver'; delivery: DeliveryChoice }>
  | Readonly<{ type: 'remind'; delivery: DeliveryChoice; feeMinor?: bigint; message?: string }>
  | Readonly<{ type: 'pay'; amountMinor: bigint; paidOn?: string }>
  | Readonly<{ type: 'credit'; selection: CreditSelection; delivery?: DeliveryChoice }>
  | Readonly<{ type: 'writeOff' }>
  /** Provides for the loss of what the primary invoice owes (the claim stays owed), or reverts it. */
  | Readonly<{ type: 'writeDown' }>
  | Readonly<{ type: 'revertWriteDown' }>
  | Readonly<{ type: 'message'; text: unknown }>
  | Readonly<{ type: 'grantRespite'; until: unknown }>
  | Readonly<{ type: 'removeRespite' }>
  | Readonly<{ type: 'attach'; attachment: AttachmentInput | null }>
  /** Settles part of the stand-alone credit that opened `sourceCaseId` against this case's invoice. */
  | Readonly<{ type: 'allocateCredit'; sourceCaseId: string; amountMinor: bigint }>
  /** Pays this case's stand-alone credit out to the customer: all that is left when no amount is given. */
  | Readonly<{ type: 'payOutCredit'; amountMinor?: bigint }>
  /** Hands the case to the collection partner (overdue only). */
  | Readonly<{ type: 'collect' }>
  /** Sells the case to the factoring partner; a draft is approved first, without being sent. */
  | Readonly<{ type: 'sell' }>

export type CaseCommandOptions = Readonly<{ announce?: CallbackRenderer }>

/** Runs the command inside the caller's unit of work (`unit` joins `tx`). */
export async function performCaseCommand(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  caseId: string,
  command: CaseCommand,
): Promise<void> {
  const record = await loadCase(tx, tenant.organizationId, caseId)
  const primary = record && primaryInvoiceOf(record)
  if (!record || !primary) throw notFound('case', caseId)
  await perform(unit, tx, tenant, record, primary, command)
}

/**
 * Runs the command on a case this transaction has just opened: only its contact is read, since
 * its primary invoice is the draft just made.
 */
export async function performOnNewCase(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  opened: Readonly<{ caseId: string; contactId: string; invoice: Invoice }>,
  command: CaseCommand,
): Promise<void> {
  const row = await tx
    .selectFrom('contacts')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('contact_id', '=', opened.contactId)
    .executeTakeFirst()
  if (!row) throw notFound('contact', opened.contactId)
  const record = { caseId: opened.caseId, contact: contactFromRow(row) }
  await perform(unit, tx, tenant, record, opened.invoice, command, opened.invoice)
}

type CommandTarget = Pick<CaseRecord, 'caseId' | 'contact'>

async function perform(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  record: CommandTarget,
  primary: Pick<Invoice, 'invoiceId' | 'state'>,
  command: CaseCommand,
  /** The primary invoice when this transaction wrote it, so it need not be locked and read again. */
  held?: Invoice,
): Promise<void> {
  const invoiceId = primary.invoiceId
  switch (command.type) {
    case 'issue': {
      // The approval hands back the invoice it locked, so the send does not read it again.
      const approved = held
        ? await approveLockedWithin(unit, tx, tenant, held)
        : await approveWithin(unit, tx, tenant, invoiceId)
      if (command.delivery) {
        const send = { ...channelsFor(record.contact, command.delivery), eventType: CASE_EVENTS.sent }
        await sendLockedWithin(unit, tx, tenant, approved, checkChannels(send), send)
      }
      return
    }
    case 'deliver':
      await sendInvoice(unit, tenant, {
        invoiceId,
        ...channelsFor(record.contact, command.delivery),
        eventType: CASE_EVENTS.resent,
      })
      return
    case 'remind':
      // The scheduler's reminder use case, so a reminder asked for through an API follows the
      // same rules (one a day, levels in order, fees and interest posted) as an automatic one.
      await sendReminder(unit, tenant, {
        invoiceId,
        channels: channelsFor(record.contact, command.delivery),
        ...(command.feeMinor === undefined ? {} : { feeMinor: command.feeMinor }),
        ...(command.message === undefined ? {} : { message: command.message }),
      })
      return
    case 'pay':
      await recordPayment(unit, tenant, {
        invoiceId,
        amountMinor: command.amountMinor,
        ...(command.paidOn ? { paidOn: command.paidOn } : {}),
      })
      return
    case 'credit': {
      const { creditNote } = await creditInvoice(unit, tenant, { invoiceId, selection: command.selection })
      if (command.delivery)
        await sendInvoice(unit, tenant, {
          invoiceId: creditNote.invoiceId,
          ...channelsFor(record.contact, command.delivery),
          eventType: CASE_EVENTS.creditNoteSent,
        })
      return
    }
    case 'writeOff':
      await writeOffInvoice(unit, tenant, { invoiceId })
      return
    case 'writeDown':
      await writeDownWithin(unit, tx, tenant, invoiceId)
      return
    case 'revertWriteDown':
      await revertWriteDownWithin(unit, tx, tenant, invoiceId)
      return
    case 'message':
      await postSenderMessageWithin(unit, tx, tenant, record.caseId, command.text)
      return
    case 'grantRespite':
      await grantRespiteWithin(unit, tx, tenant, invoiceId, command.until)
      return
    case 'removeRespite':
      await removeRespiteWithin(unit, tx, tenant, invoiceId)
      return
    case 'attach':
      await putAttachmentWithin(unit, tx, tenant, record.caseId, command.attachment)
      return
    case 'allocateCredit': {
      const source = await loadCase(tx, tenant.organizationId, command.sourceCaseId)
      const credit = source && primaryInvoiceOf(source)
      if (!credit) throw notFound('case', command.sourceCaseId)
      await allocateCreditWithin(unit, tx, tenant, {
        creditInvoiceId: credit.invoiceId,
        debitInvoiceId: invoiceId,
        amountMinor: command.amountMinor,
      })
      return
    }
    case 'collect':
    case 'sell':
      await handOver(unit, tx, tenant, primary, command.type)
      return
    case 'payOutCredit':
      await payOutCreditWithin(unit, tx, tenant, {
        creditInvoiceId: invoiceId,
        ...(command.amountMinor === undefined ? {} : { amountMinor: command.amountMinor }),
      })
      return
  }
}

async function handOver(
  unit: CoreContext,
  tx: Tx,
  tenant: Tenant,
  primary: Pick<Invoice, 'invoiceId' | 'state'>,
  how: 'collect' | 'sell',
) {
  if (how === 'sell' && primary.state === 'draft') await approveInvoice(unit, tenant, primary.invoiceId)
  const facts = await loadDunningFacts(unit, tx, tenant.organizationId)
  await handOverWithin(
    unit,
    tx,
    tenant,
    facts,
    primary.invoiceId,
    how === 'sell' ? 'factoring' : 'collection',
  )
}

export async function runCaseCommand(
  context: CoreContext,
  tenant: Tenant,
  caseId: string,
  command: CaseCommand,
  options: CaseCommandOptions = {},
): Promise<CaseDetails> {
  await inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      await performCaseCommand(unit, tx, tenant, caseId, command)
      if (options.announce) await enqueueCaseCallbacks(unit, tx, tenant, caseId, options.announce)
    }),
  )
  // Read after the commit, so the write transaction (which SQLite serializes) stays short.
  return caseDetailsOf(context.storage.db, tenant, caseId)
}
