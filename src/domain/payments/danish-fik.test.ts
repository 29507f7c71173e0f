// Proves Danish FI payment ids (card types 71 and 75) and their code lines.
import { describe, expect, it } from 'vitest'
import {
  createFikPaymentId,
  formatFikLine,
  parseFikLine,
  parseFikPaymentId,
  validateFikPaymentId,
} from './danish-fik.ts'

describe('createFikPaymentId', () => {
  it.each([
    ['71', '1', '000000000000018'], // Business::DK::FI's documented generate(1)
    ['71', '02684014996532', '026840149965328'], // Business::DK::FI's documented valid id
    ['75', '1', '0000000000000018'],
    ['75', '123456789012345', '1234567890123452'],
  ] as const)('builds a type %s id from %s', (cardType, base, expected) => {
    const paymentId = createFikPaymentId(cardType, base)

    expect(paymentId).toBe(expected)
  })

  it.each([
    ['71', '123456789012345'], // 15 base digits leave no room for the check digit
    ['75', '1234567890123456'],
    ['71', '12-3'],
    ['71', ''],
  ] as const)('refuses a type %s base of %j', (cardType, base) => {
    const act = () => createFikPaymentId(cardType, base, 'fikBase')

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'fikBase' } }))
  })
})

describe('validateFikPaymentId', () => {
  it.each([
    ['71', '026840149965328', true],
    ['71', '026840149965327', false], // wrong check digit
    ['71', '0026840149965328', false], // 16 digits is type 75's length
    ['75', '0026840149965328', true], // leading zeros do not change a Luhn sum
    ['75', '026840149965328', false],
    ['71', '02684014996532A', false],
  ] as const)('judges a type %s id %s valid: %s', (cardType, paymentId, expected) => {
    const valid = validateFikPaymentId(cardType, paymentId)

    expect(valid).toBe(expected)
  })
})

describe('FI code lines', () => {
  it('formats the line a payer types', () => {
    const paymentId = createFikPaymentId('71', '42')

    const line = formatFikLine('71', paymentId, '12345678')

    expect(line).toBe('+71<000000000000422+12345678<')
  })

  it('refuses a creditor number that is not eight digits', () => {
    const act = () => formatFikLine('71', '000000000000018', '1234567')

    expect(act).toThrow(
      expect.objectContaining({ code: 'invalid_field', details: { field: 'creditorNumber' } }),
    )
  })

  it('reads a line back into its parts, ignoring spaces', () => {
    const input = '+71< 000000000000422 +12345678<'

    const line = parseFikLine(input)

    expect(line).toEqual({ cardType: '71', paymentId: '000000000000422', creditorNumber: '12345678' })
  })

  it.each([
    '+73<000000000000422+12345678<', // type 73 carries no payment id
    '+71<000000000000423+12345678<', // wrong check digit
    '+71<000000000000422+123456789<',
    '71<000000000000422+12345678<',
  ])('refuses the line %s', (input) => {
    const act = () => parseFikLine(input, 'fik')

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'fik' } }))
  })

  it('parses a payment id typed in groups', () => {
    const paymentId = parseFikPaymentId('71', '0268 4014 9965 328')

    expect(paymentId).toBe('026840149965328')
  })
})
