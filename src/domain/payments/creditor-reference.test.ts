// Proves ISO 11649 RF creditor references against the standard's own example.
import { describe, expect, it } from 'vitest'
import {
  createCreditorReference,
  formatCreditorReferencePrinted,
  parseCreditorReference,
  validateCreditorReference,
} from './creditor-reference.ts'

describe('createCreditorReference', () => {
  it.each([
    ['539007547034', 'RF18539007547034'], // ISO 11649's example, printed RF18 5390 0754 7034
    ['000000000539007547034', 'RF18000000000539007547034'], // leading zeros keep the check digits
    ['invoice42', 'RF72INVOICE42'], // letters count A = 10 ... Z = 35; checked by hand with BigInt
  ])('builds %s into %s', (base, expected) => {
    const reference = createCreditorReference(base)

    expect(reference).toBe(expected)
  })

  it.each(['', 'RE-42', '1234567890123456789012', 'Ä1'])('refuses the base %j', (base) => {
    const act = () => createCreditorReference(base, 'reference')

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'reference' } }))
  })
})

describe('validateCreditorReference', () => {
  it.each([
    ['RF18539007547034', true],
    ['RF72INVOICE42', true],
    ['RF19539007547034', false], // wrong check digits
    ['RF18539007547035', false], // wrong last character
    ['RF18 5390 0754 7034', false], // printed form: parse takes it, validate does not
    ['rf18539007547034', false],
    ['RX18539007547034', false],
    ['RF18', false], // no reference at all
    [`RF18${'1'.repeat(22)}`, false], // 22 characters after the check digits
    ['RF0', false],
  ])('judges %s valid: %s', (reference, expected) => {
    const valid = validateCreditorReference(reference)

    expect(valid).toBe(expected)
  })

  it('refuses the check digits 00, 01 and 99 even where they would verify modulo 97', () => {
    const references = Array.from({ length: 200 }, (_, index) => createCreditorReference(String(index)))
    const aliased = references.flatMap((reference) => {
      const checkValue = Number(reference.slice(2, 4))
      if (checkValue === 98) return [`RF01${reference.slice(4)}`]
      if (checkValue === 97) return [`RF00${reference.slice(4)}`]
      return []
    })

    const accepted = aliased.filter(validateCreditorReference)

    expect(aliased.length).toBeGreaterThan(0)
    expect(accepted).toEqual([])
  })
})

describe('printed and parsed forms', () => {
  it('prints groups of four', () => {
    const printed = formatCreditorReferencePrinted('RF18539007547034')

    expect(printed).toBe('RF18 5390 0754 7034')
  })

  it('leaves a short last group', () => {
    const printed = formatCreditorReferencePrinted('RF72INVOICE42')

    expect(printed).toBe('RF72 INVO ICE4 2')
  })

  it('parses the printed form in lower case into the electronic form', () => {
    const reference = parseCreditorReference('rf18 5390 0754 7034')

    expect(reference).toBe('RF18539007547034')
  })

  it('names the field when the check digits are wrong', () => {
    const act = () => parseCreditorReference('RF19 5390 0754 7034', 'paymentReference')

    expect(act).toThrow(/paymentReference is not a valid RF reference: the check digits/)
  })
})
