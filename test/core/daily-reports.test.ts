// Proves the daily report queries on both engines: a day has reports only once it has ended and
// only of what happened on it; the payments report names what each payment settled; the invoice
// journal gives each booked invoice's postings, with revenue and VAT per rate, debits equal to
// credits.

import { expect, test } from 'vitest'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { recordPayment } from '../../src/core/payments/record-payment.ts'
import { invoiceJournal, listReportDays, paymentsReport } from '../../src/core/reports/daily-reports.ts'
import { createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

describeEachEngine('daily reports', ({ storage }) => {
  test('payments and the invoice journal of a past day, none for today', async () => {
    const world = await createWorld(storage())
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      invoiceDate: '2026-10-30',
      lines: [
        { productId: world.productId, quantity: '2' },
        { description: 'Bok', unitPrice: '100', quantity: '1', vatRatePercent: '6' },
      ],
    })
    const invoice = await approveInvoice(world.core, world.tenant, draft.invoiceId)
    await recordPayment(world.core, world.tenant, {
      invoiceId: invoice.invoiceId,
      amountMinor: 100_000n,
      paidOn: '2026-10-31',
      reference: 'OCR 123',
    })
    await recordPayment(world.core, world.tenant, { invoiceId: invoice.invoiceId, amountMinor: 50_000n })

    const days = await listReportDays(world.core, world.tenant)
    const payments = await paymentsReport(world.core, world.tenant, '2026-10-31')
    const journal = await invoiceJournal(world.core, world.tenant, '2026-10-30')
    const nothing = await invoiceJournal(world.core, world.tenant, '2026-10-31')

    expect(days).toEqual([
      { kind: 'payments', day: '2026-10-31' },
      { kind: 'invoice_journal', day: '2026-10-30' },
    ])
    expect(payments).toHaveLength(1)
    expect(payments[0]).toMatchObject({
      amountMinor: 100_000n,
      currency: 'SEK',
      reference: 'OCR 123',
      isVoided: false,
      contactName: 'Kund AB',
      applied: [{ invoiceNumber: invoice.number, amountMinor: 100_000n }],
    })
    expect(nothing).toEqual([])
    expect(journal).toHaveLength(1)
    const postings = journal[0]?.postings ?? []
    const debit = postings.reduce((sum, posting) => sum + posting.debitMinor, 0n)
    const credit = postings.reduce((sum, posting) => sum + posting.creditMinor, 0n)
    expect(journal[0]).toMatchObject({ kind: 'invoice', invoiceNumber: invoice.number, currency: 'SEK' })
    expect(debit).toBe(credit)
    expect(debit).toBe(invoice.grossMinor)
    const creditsAt = (rate: string) =>
      postings.filter((posting) => posting.vatRatePercent === rate).map((posting) => posting.creditMinor)
    expect(new Set(creditsAt('25'))).toEqual(new Set([50_000n, 200_000n]))
    expect(new Set(creditsAt('6'))).toEqual(new Set([600n, 10_000n]))
  })
})
