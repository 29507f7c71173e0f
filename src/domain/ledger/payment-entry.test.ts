// Proves payments settle exactly their amount across invoices, fees and the customer's balance.
import { describe, expect, it } from 'vitest'
import { DANISH_STANDARD_CHART } from './charts/danish-standard.ts'
import { GERMAN_SKR03_CHART } from './charts/german-skr03.ts'
import { balanceApplicationEntry, type PaymentPosting, paymentEntry } from './payment-entry.ts'

const payment: PaymentPosting = {
  entryDate: '2024-04-02',
  description: 'Betaling faktura 1001',
  currency: 'DKK',
  contactId: 'c-7',
  amountMinor: 10000n,
  feeMinor: 500n,
  applications: [{ invoiceId: 'inv-1001', amountMinor: 10000n }],
}

describe('paymentEntry', () => {
  it('settles an invoice of 100 with cash 95 and a fee of 5, as Billy documents', () => {
    const entry = paymentEntry(DANISH_STANDARD_CHART, payment)

    expect(entry.lines).toEqual([
      { accountNumber: '5710', amountMinor: 9500n },
      { accountNumber: '1860', amountMinor: 500n },
      { accountNumber: '5810', amountMinor: -10000n, contactId: 'c-7', invoiceId: 'inv-1001' },
    ])
  })

  it('puts an overpayment on the customer balance', () => {
    const overpayment = { ...payment, amountMinor: 12000n, feeMinor: 0n }

    const entry = paymentEntry(DANISH_STANDARD_CHART, overpayment)

    expect(entry.lines).toEqual([
      { accountNumber: '5710', amountMinor: 12000n },
      { accountNumber: '5810', amountMinor: -10000n, contactId: 'c-7', invoiceId: 'inv-1001' },
      { accountNumber: '7390', amountMinor: -2000n, contactId: 'c-7' },
    ])
  })

  it('splits one payment over several invoices', () => {
    const bulk = {
      ...payment,
      currency: 'EUR',
      amountMinor: 30000n,
      feeMinor: 0n,
      applications: [
        { invoiceId: 'a', amountMinor: 11900n },
        { invoiceId: 'b', amountMinor: 18100n },
      ],
    } as const

    const entry = paymentEntry(GERMAN_SKR03_CHART, bulk)

    expect(entry.lines).toEqual([
      { accountNumber: '1200', amountMinor: 30000n },
      { accountNumber: '1400', amountMinor: -11900n, contactId: 'c-7', invoiceId: 'a' },
      { accountNumber: '1400', amountMinor: -18100n, contactId: 'c-7', invoiceId: 'b' },
    ])
  })

  it('uses the cash and fee accounts the payment names', () => {
    const cashPayment = { ...payment, cashAccountNumber: '5720', feeAccountNumber: '1840' }

    const entry = paymentEntry(DANISH_STANDARD_CHART, cashPayment)

    expect(entry.lines.slice(0, 2)).toEqual([
      { accountNumber: '5720', amountMinor: 9500n },
      { accountNumber: '1840', amountMinor: 500n },
    ])
  })

  it.each([
    ['amountMinor', { amountMinor: 0n }],
    ['feeMinor', { feeMinor: -1n }],
    ['feeMinor', { feeMinor: 10000n }], // a fee that swallows the whole payment
    ['applications[0].amountMinor', { applications: [{ invoiceId: 'x', amountMinor: 0n }] }],
    ['applications', { applications: [{ invoiceId: 'x', amountMinor: 10001n }] }],
    ['cashAccountNumber', { cashAccountNumber: '9999' }],
    ['feeAccountNumber', { feeAccountNumber: '9999' }],
  ] as const)('refuses a bad %s', (field, change) => {
    const act = () => paymentEntry(DANISH_STANDARD_CHART, { ...payment, ...change })

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field } }))
  })
})

describe('balanceApplicationEntry', () => {
  it('moves the customer balance onto the invoice', () => {
    const application = { ...payment, invoiceId: 'inv-1002', amountMinor: 2000n }

    const entry = balanceApplicationEntry(DANISH_STANDARD_CHART, application)

    expect(entry.lines).toEqual([
      { accountNumber: '7390', amountMinor: 2000n, contactId: 'c-7' },
      { accountNumber: '5810', amountMinor: -2000n, contactId: 'c-7', invoiceId: 'inv-1002' },
    ])
  })

  it('refuses an amount that is not positive', () => {
    const application = { ...payment, invoiceId: 'inv-1002', amountMinor: -1n }

    const act = () => balanceApplicationEntry(DANISH_STANDARD_CHART, application)

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'amountMinor' } }))
  })
})
