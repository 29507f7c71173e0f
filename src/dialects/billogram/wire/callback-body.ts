// The body of a Billogram callback (../shared/reference/billogram.md §5, the Ruby fixture's real
// shape): callback id and ISO timestamp, callback_type BillogramEvent, the subscriber's custom
// string, the billogram's state and sums, and the event. The legacy MD5 `signature` is null, as
// the vendor now sends it; the signature travels in headers (callback-signer.ts).

import type { CallbackRenderer } from '../../../core/callbacks/enqueue-case-callbacks.ts'
import { primaryInvoiceOf } from '../../../core/cases/case-details.ts'
import { billogramIdOf } from '../ids.ts'
import { eventToWire } from './billogram-events.ts'
import { billogramStateOf } from './billogram-state.ts'
import { sumsOf } from './billogram-sums.ts'
import { moneyOut, timestampOut } from './values.ts'

export const renderBillogramCallback: CallbackRenderer = ({
  callbackId,
  callbackAt,
  event,
  caseRecord,
  custom,
}) => {
  const primary = primaryInvoiceOf(caseRecord)
  if (!primary) return undefined
  const sums = sumsOf(caseRecord)
  const money = (amountMinor: bigint) => moneyOut(amountMinor, sums.currency)
  const id = billogramIdOf(caseRecord.caseNo)
  const wireEvent = eventToWire(event, caseRecord, {
    total_sum: money(sums.totalMinor),
    remaining_sum: money(sums.remainingMinor),
  })
  if (!wireEvent) return undefined
  return {
    callback_id: callbackId,
    callback_timestamp: callbackAt,
    callback_type: wireEvent.type === 'PaymentRecalled' ? 'PaymentRecalled' : 'BillogramEvent',
    custom,
    billogram: {
      id,
      ocr_number: primary.paymentReference ?? '',
      state: billogramStateOf(primary, caseRecord.dunning.get(primary.invoiceId)?.level),
      total_sum: money(sums.totalMinor),
      remaining_sum: money(sums.remainingMinor),
      attested_at: timestampOut(primary.approvedAt),
      currency: sums.currency,
      detailed_sums: {
        net_sum: money(sums.netMinor),
        vat_sum: money(sums.vatMinor),
        gross_sum: money(sums.grossMinor),
        reminder_fee: money(sums.reminderFeesMinor),
        interest_fee: money(sums.interestEarnedMinor),
        paid_sum: money(-sums.paidMinor),
        credited_sum: money(sums.creditedMinor),
        remaining_sum: money(sums.remainingMinor),
      },
    },
    event: { ...wireEvent, billogram_id: id },
    signature: null,
  }
}
