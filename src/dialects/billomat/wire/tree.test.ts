// Proves amounts are written from minor units as Billomat writes them: the currency's decimals
// without trailing zeros, negative amounts and currencies without a minor unit included.

import { expect, test } from 'vitest'
import { minorToWire } from './tree.ts'

test.each([
  [1490n, 2, '14.9'],
  [1200n, 2, '12'],
  [5n, 2, '0.05'],
  [0n, 2, '0'],
  [-1705n, 2, '-17.05'],
  [-50n, 2, '-0.5'],
  [461550n, 2, '4615.5'],
  [3300n, 0, '3300'],
  [123456789012345678n, 2, '1234567890123456.78'],
])('%s minor units with %s decimals are written %s', (amountMinor, exponent, expected) => {
  expect(minorToWire(amountMinor, exponent)).toBe(expected)
})
