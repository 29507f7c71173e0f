// The reminder document of an invoice: its view with what is owed split into principal, fees and
// interest (payments settle costs first), so the document always adds up to the amount due, even
// when a part payment arrived after the reminder. The reminder delivery and the dialects' reminder
// PDFs render the same view.

import { splitOpenBalance } from '../domain/dunning/balance-split.ts'
import type { Invoice } from '../domain/invoicing/invoice.ts'
import type { InvoiceDocumentView, InvoiceViewKind } from './invoice-document-view.ts'

export type ReminderNotice = Readonly<{
  level: number
  remindedOn: string
  payByOn: string
  interestChargedMinor: bigint
}>

export function reminderViewOf(
  invoice: Invoice,
  view: InvoiceDocumentView<InvoiceViewKind>,
  notice: ReminderNotice,
): InvoiceDocumentView<InvoiceViewKind> {
  const split = splitOpenBalance({ ...invoice, interestChargedMinor: notice.interestChargedMinor })
  const dueAmountMinor = split.principalMinor + split.feesMinor + split.interestMinor
  return {
    ...view,
    kind: 'reminder',
    payment: { ...view.payment, dueAmountMinor },
    reminder: {
      level: notice.level,
      remindedOn: notice.remindedOn,
      payByOn: notice.payByOn,
      outstandingMinor: split.principalMinor,
      feeMinor: split.feesMinor,
      interestMinor: split.interestMinor,
    },
  }
}
