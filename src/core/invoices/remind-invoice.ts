// Sends a reminder for an overdue invoice, optionally charging a reminder fee: the fee raises
// what is owed and posts its own entry, and the reminder goes out through the same delivery as
// the invoice. The rule it protects holds for every dialect: one reminder per invoice per day,
// so a retried request or a double click never dunns a customer twice.

import { DomainError, invalidField } from '../../domain/errors.ts'
import { nextState } from '../../domain/invoicing/lifecycle.ts'
import { feeEntry } from '../../domain/ledger/fee-entry.ts'
import type { CurrencyCode } from '../../domain/money/currency.ts'
import { type CoreContext, nowIso, type Tenant, todayFor } from '../context.ts'
import { loadChart, postEntry } from '../ledger/post-entry.ts'
import { inOneTransaction } from '../unit-of-work.ts'
import { lockInvoice, organizationOf, saveLockedInvoice } from './lock-invoice.ts'
import { type SendInvoiceInput, sendInvoice } from './send-invoice.ts'

export const REMINDER_EVENT = 'invoice.reminder_sent'

export type RemindInvoiceInput = Readonly<{
  invoiceId: string
  feeMinor?: bigint
  message?: string
  channels: Pick<SendInvoiceInput, 'email' | 'letter' | 'sms'>
}>

/** The organization's calendar day of an instant, as todayFor counts days. */
function dayOf(iso: string, offsetDays: number): string {
  return new Date(Date.parse(iso) + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

export async function remindInvoice(
  context: CoreContext,
  tenant: Tenant,
  input: RemindInvoiceInput,
): Promise<Readonly<{ reminderNo: number }>> {
  const feeMinor = input.feeMinor ?? 0n
  if (feeMinor < 0n) throw invalidField('fee', 'a reminder fee must not be negative')
  const org = tenant.organizationId
  return inOneTransaction(context, (unit) =>
    unit.storage.db.transaction().execute(async (tx) => {
      const now = nowIso(unit)
      const invoice = await lockInvoice(unit.storage, tx, org, input.invoiceId)
      const state = nextState(invoice.state, 'remind')
      const offsetDays = (await organizationOf(tx, org)).clock_offset_days
      const today = todayFor(unit, offsetDays)
      const earlier = await tx
        .selectFrom('events')
        .select(['created_at'])
        .where('organization_id', '=', org)
        .where('invoice_id', '=', invoice.invoiceId)
        .where('type', '=', REMINDER_EVENT)
        .execute()
      if (earlier.some((event) => dayOf(event.created_at, offsetDays) === today))
        throw new DomainError(
          'wrong_state',
          'a reminder was already sent today; send the next one tomorrow',
          {
            state: invoice.state,
          },
        )
      if (feeMinor > 0n) {
        const fee = nextState(state, 'addFee')
        await saveLockedInvoice(
          tx,
          org,
          invoice,
          { state: fee, fees_minor: invoice.feesMinor + feeMinor },
          now,
        )
        const chart = await loadChart(tx, org)
        const entry = feeEntry(chart, {
          entryDate: today,
          description: `Reminder fee, invoice ${invoice.number}`,
          currency: invoice.currency as CurrencyCode,
          kind: 'reminderFee',
          invoiceId: invoice.invoiceId,
          contactId: invoice.contactId,
          amountMinor: feeMinor,
        })
        await postEntry(tx, org, entry, { type: 'reminder_fee', id: invoice.invoiceId }, now)
      }
      const reminderNo = earlier.length + 1
      await sendInvoice(unit, tenant, {
        invoiceId: invoice.invoiceId,
        ...input.channels,
        eventType: REMINDER_EVENT,
        eventData: { reminderNo, feeMinor, ...(input.message ? { message: input.message } : {}) },
      })
      return { reminderNo }
    }),
  )
}
