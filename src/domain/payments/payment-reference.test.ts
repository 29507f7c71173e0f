// Proves each country gets the reference kind its banks check, built from the invoice sequence number.
import { describe, expect, it } from 'vitest'
import { AssertionError } from '../assert.ts'
import { validateCreditorReference } from './creditor-reference.ts'
import { paymentReferenceForInvoice } from './payment-reference.ts'

describe('paymentReferenceForInvoice', () => {
  it.each([
    ['SE', 123456, { kind: 'se-ocr', lengthDigit: true, value: '12345682' }],
    ['DK', 42, { kind: 'dk-fik', cardType: '71', value: '000000000000422' }],
    ['NO', 1234, { kind: 'no-kid', algorithm: 'mod10', value: '12344' }],
    ['DE', 539007547034, { kind: 'rf', value: 'RF18539007547034' }],
    ['FI', 1, { kind: 'rf', value: createdRf('1') }],
  ])('gives %s invoice %i the reference %o', (country, sequenceNumber, expected) => {
    const reference = paymentReferenceForInvoice(country, sequenceNumber)

    expect(reference).toEqual(expected)
  })

  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1])('treats the sequence number %d as a bug', (n) => {
    const act = () => paymentReferenceForInvoice('SE', n)

    expect(act).toThrow(AssertionError)
  })

  it('treats a lower-case country code as a bug', () => {
    const act = () => paymentReferenceForInvoice('se', 1)

    expect(act).toThrow(AssertionError)
  })
})

function createdRf(base: string): string {
  const reference = paymentReferenceForInvoice('DE', Number(base)).value
  expect(validateCreditorReference(reference)).toBe(true)
  return reference
}
