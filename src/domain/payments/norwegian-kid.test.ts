// Proves Norwegian KID numbers under mod 10 and mod 11, the '-' check character included.
import { describe, expect, it } from 'vitest'
import { createKid, parseKid, validateKid } from './norwegian-kid.ts'

describe('createKid', () => {
  it.each([
    ['1234', 'mod10', '12344'], // norwegian-numbers README
    ['1234', 'mod11', '12343'], // norwegian-numbers README
    ['012955', 'mod11', '0129550'], // kid-number README: remainder 0 gives 0
    ['6', 'mod11', '6-'], // 6 x 2 = 12, remainder 1 gives '-'
    ['7992739871', 'mod10', '79927398713'],
  ] as const)('builds %s with %s into %s', (base, algorithm, expected) => {
    const kid = createKid(base, algorithm)

    expect(kid).toBe(expected)
  })

  it.each(['', '12 34', 'A1', '1'.repeat(25)])('refuses the base %j', (base) => {
    const act = () => createKid(base, 'mod10', 'kidBase')

    expect(act).toThrow(expect.objectContaining({ code: 'invalid_field', details: { field: 'kidBase' } }))
  })
})

describe('validateKid', () => {
  it.each([
    ['12344', 'mod10', true],
    ['12343', 'mod11', true],
    ['12343', 'mod10', false],
    ['12345', 'mod10', false],
    ['6-', 'mod11', true],
    ['6-', 'mod10', false],
    ['60', 'mod11', false],
    ['1-3', 'mod11', false], // '-' only ever stands last
    ['4', 'mod10', false], // one character is too short
    [createKid('1'.repeat(24), 'mod10'), 'mod10', true],
    [`${createKid('1'.repeat(24), 'mod10')}0`, 'mod10', false], // 26 characters
  ] as const)('judges %s valid under %s: %s', (kid, algorithm, expected) => {
    const valid = validateKid(kid, algorithm)

    expect(valid).toBe(expected)
  })
})

describe('parseKid', () => {
  it('names the field and the algorithm when the check digit is wrong', () => {
    const act = () => parseKid('12345', 'mod10', 'kid')

    expect(act).toThrow(/kid is not a valid KID: the mod10 check digit/)
  })
})
