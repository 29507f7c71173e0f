// Proves approving an invoice and issuing a credit note post the documented lines, to the minor unit.
import { describe, expect, it } from 'vitest'
import { DANISH_STANDARD_CHART } from './charts/danish-standard.ts'
import { SWEDISH_BAS_CHART } from './charts/swedish-bas.ts'
import { creditNoteEntry, type InvoicePosting, invoiceEntry } from './invoice-entry.ts'

const danishInvoice: InvoicePosting = {
  entryDate: '2024-03-15',
  description: 'Faktura 1001',
  currency: 'DKK',
  invoiceId: 'inv-1001',
  contactId: 'c-7',
  revenue: [{ netMinor: 10000n, vatRatePercent: '25' }],
  vat: [{ vatRatePercent: '25', vatMinor: 2500n }],
}

const swedishInvoice: InvoicePosting = {
  entryDate: '2024-03-15',
  description: 'Faktura 42',
  currency: 'SEK',
  invoiceId: 'inv-42',
  contactId: 'c-1',
  revenue: [
    { netMinor: 80000n, vatRatePercent: '25' },
    { netMinor: 10000n, vatRatePercent: '12' },
    { netMinor: -5000n, vatRatePercent: '25' }, // a discount line
    { netMinor: 20000n, vatRatePercent: '0', revenueAccountNumber: '3308' }, // reverse charge, EU service
  ],
  vat: [
    { vatRatePercent: '25', vatMinor: 18750n },
    { vatRatePercent: '12', vatMinor: 1200n },
  ],
  roundingMinor: 50n, // öresavrundning up to whole kronor
}

describe('invoiceEntry', () => {
  it('debits receivables with the gross and credits revenue and output VAT', () => {
    const entry = invoiceEntry(DANISH_STANDARD_CHART, danishInvoice)

    expect(entry).toEqual({
      entryDate: '2024-03-15',
      description: 'Faktura 1001',
      currency: 'DKK',
      lines: [
        { accountNumber: '5810', amountMinor: 12500n, contactId: 'c-7', invoiceId: 'inv-1001' },
        { accountNumber: '1110', amountMinor: -10000n, vatRatePercent: '25' },
        { accountNumber: '7410', amountMinor: -2500n, vatRatePercent: '25' },
      ],
    })
  })

  it('groups revenue per account and rate, posts VAT per rate and the rounding', () => {
    const entry = invoiceEntry(SWEDISH_BAS_CHART, swedishInvoice)

    expect(entry?.lines).toEqual([
      { accountNumber: '1510', amountMinor: 125000n, contactId: 'c-1', invoiceId: 'inv-42' },
      { accountNumber: '3001', amountMinor: -75000n, vatRatePercent: '25' },
      { accountNumber: '3002', amountMinor: -10000n, vatRatePercent: '12' },
      { accountNumber: '3308', amountMinor: -20000n, vatRatePercent: '0' },
      { accountNumber: '2611', amountMinor: -18750n, vatRatePercent: '25' },
      { accountNumber: '2621', amountMinor: -1200n, vatRatePercent: '12' },
      { accountNumber: '3740', amountMinor: -50n },
    ])
  })

  it('debits the rounding account when the total was rounded down', () => {
    const invoice = { ...danishInvoice, roundingMinor: -25n }

    const entry = invoiceEntry(DANISH_STANDARD_CHART, invoice)

    expect(entry?.lines[0]?.amountMinor).toBe(12475n)
    expect(entry?.lines.at(-1)).toEqual({ accountNumber: '1895', amountMinor: 25n })
  })

  it('answers null for an invoice that moves no money', () => {
    const invoice = { ...danishInvoice, revenue: [{ netMinor: 0n, vatRatePercent: '25' }], vat: [] }

    const entry = invoiceEntry(DANISH_STANDARD_CHART, invoice)

    expect(entry).toBeNull()
  })

  it('refuses a revenue account the chart does not have, naming the line', () => {
    const invoice = {
      ...danishInvoice,
      revenue: [{ netMinor: 100n, vatRatePercent: '25', revenueAccountNumber: '9999' }],
    }

    const act = () => invoiceEntry(DANISH_STANDARD_CHART, invoice)

    expect(act).toThrow(
      expect.objectContaining({
        code: 'invalid_field',
        details: { field: 'revenue[0].revenueAccountNumber' },
      }),
    )
  })

  it('refuses a malformed VAT rate, naming the line', () => {
    const invoice = { ...danishInvoice, vat: [{ vatRatePercent: '25%', vatMinor: 2500n }] }

    const act = () => invoiceEntry(DANISH_STANDARD_CHART, invoice)

    expect(act).toThrow(expect.objectContaining({ details: { field: 'vat[0].vatRatePercent' } }))
  })
})

describe('creditNoteEntry', () => {
  it('posts the mirror image of the credited amounts against the credited invoice', () => {
    const creditNote = { ...danishInvoice, description: 'Kreditnota 7 til faktura 1001' }

    const entry = creditNoteEntry(DANISH_STANDARD_CHART, creditNote)

    expect(entry?.lines).toEqual([
      { accountNumber: '5810', amountMinor: -12500n, contactId: 'c-7', invoiceId: 'inv-1001' },
      { accountNumber: '1110', amountMinor: 10000n, vatRatePercent: '25' },
      { accountNumber: '7410', amountMinor: 2500n, vatRatePercent: '25' },
    ])
  })

  it('answers null for a credit note of nothing', () => {
    const creditNote = { ...danishInvoice, revenue: [], vat: [] }

    const entry = creditNoteEntry(DANISH_STANDARD_CHART, creditNote)

    expect(entry).toBeNull()
  })
})
