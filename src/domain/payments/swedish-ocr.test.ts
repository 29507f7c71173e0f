// Proves Swedish OCR numbers are built and checked as Bankgirot's OCR-referenskontroll does.
import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors.ts'
import { createSwedishOcr, parseSwedishOcr, validateSwedishOcr } from './swedish-ocr.ts'

const WITH_LENGTH = { lengthDigit: true } as const
const CHECK_ONLY = { lengthDigit: false } as const

describe('createSwedishOcr', () => {
  it.each([
    ['123456', CHECK_ONLY, '1234566'],
    ['123456', WITH_LENGTH, '12345682'],
    ['3248100469', WITH_LENGTH, '324810046924'], // Billogram's documented ocr_number
    ['1', WITH_LENGTH, '133'],
    ['12345678', WITH_LENGTH, '1234567806'], // ten digits: the length digit is 0
  ])('builds %s into %s', (base, options, expected) => {
    const reference = createSwedishOcr(base, options)

    expect(reference).toBe(expected)
  })

  it.each([
    ['', CHECK_ONLY],
    ['12a4', CHECK_ONLY],
    ['1'.repeat(24), WITH_LENGTH], // 24 + 2 = 26 digits
    ['1'.repeat(25), CHECK_ONLY],
  ])('refuses the base %j naming the field', (base, options) => {
    const act = () => createSwedishOcr(base, options, 'invoice.ocrBase')

    expect(act).toThrow(DomainError)
    expect(act).toThrow(
      expect.objectContaining({ code: 'invalid_field', details: { field: 'invoice.ocrBase' } }),
    )
  })
})

describe('validateSwedishOcr', () => {
  it.each([
    ['324810046924', WITH_LENGTH, true],
    ['324810046924', CHECK_ONLY, true],
    ['1234566', CHECK_ONLY, true],
    ['1234566', WITH_LENGTH, false], // Luhn holds but the length digit says 6, not 7
    ['324810046925', WITH_LENGTH, false], // wrong check digit
    ['324810046934', WITH_LENGTH, false], // wrong length digit, so the check digit fails too
    ['3248100469 24', WITH_LENGTH, false], // validate takes the canonical form only
    ['32481004692A', CHECK_ONLY, false],
    ['0', CHECK_ONLY, false], // too short
    ['18', CHECK_ONLY, true], // two digits is the shortest
    [createSwedishOcr('1'.repeat(23), WITH_LENGTH), WITH_LENGTH, true],
    [`${'1'.repeat(25)}0`, CHECK_ONLY, false], // 26 digits
  ])('judges %s valid: %s', (reference, options, expected) => {
    const valid = validateSwedishOcr(reference, options)

    expect(valid).toBe(expected)
  })
})

describe('parseSwedishOcr', () => {
  it('drops the spaces a person types between groups', () => {
    const input = ' 3248 1004 6924 '

    const reference = parseSwedishOcr(input, WITH_LENGTH)

    expect(reference).toBe('324810046924')
  })

  it('names the field and the reason when the check digit is wrong', () => {
    const act = () => parseSwedishOcr('324810046925', WITH_LENGTH, 'ocrNumber')

    expect(act).toThrow(/ocrNumber is not a valid OCR number: the check digit/)
    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'ocrNumber' } }))
  })
})
