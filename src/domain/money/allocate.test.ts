// Proves that largest-remainder allocation always returns the whole, within one unit per share, deterministically.

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { allocate, allocateMoney, floorDivide, roundSharesToTotal } from './allocate.ts'
import { abs, money } from './money.ts'

describe('allocate', () => {
  test.each([
    [100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    [-100n, [1n, 1n, 1n], [-34n, -33n, -33n]],
    [5n, [3n, 7n], [2n, 3n]],
    [10n, [0n, 1n, 0n], [0n, 10n, 0n]],
    [0n, [0n, 0n], [0n, 0n]],
    [1n, [1n, 1n, 1n], [1n, 0n, 0n]],
    [2n, [1n, 2n, 2n], [0n, 1n, 1n]],
    [90n, [100n, -10n], [100n, -10n]],
    [7n, [-1n, -1n], [4n, 3n]],
  ])('splits %s over %o into %o', (total, weights, expected) => {
    const parts = allocate(total, weights)

    expect(parts).toEqual(expected)
  })

  test('refuses weights that sum to zero as a bug', () => {
    const split = () => allocate(10n, [1n, -1n])

    expect(split).toThrow(/sum to zero/)
  })

  test('allocates money in its own currency', () => {
    const parts = allocateMoney(money(1000n, 'JPY'), [1n, 2n])

    expect(parts).toEqual([money(333n, 'JPY'), money(667n, 'JPY')])
  })

  const totals = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })
  const weightLists = fc
    .array(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), { minLength: 1, maxLength: 20 })
    .filter((weights) => weights.reduce((a, b) => a + b, 0n) !== 0n)

  test('parts always sum to the whole', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = allocate(total, weights)

        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total)
        expect(parts).toHaveLength(weights.length)
      }),
    )
  })

  test('each part is within one unit of its exact share', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const weightSum = weights.reduce((a, b) => a + b, 0n)

        const parts = allocate(total, weights)

        parts.forEach((part, index) => {
          expect(abs(part * weightSum - total * weights[index]!) < abs(weightSum)).toBe(true)
        })
      }),
    )
  })

  test('a negative total splits as the mirror image of the positive one', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = allocate(-total, weights)

        expect(parts).toEqual(allocate(total, weights).map((part) => -part))
      }),
    )
  })

  test('equal positive weights get parts at most one apart, earlier ones first', () => {
    fc.assert(
      fc.property(totals, fc.integer({ min: 1, max: 12 }), (total, count) => {
        const parts = allocate(
          abs(total),
          Array.from({ length: count }, () => 1n),
        )

        expect([...parts].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(parts)
        expect(parts[0]! - parts[count - 1]!).toBeLessThanOrEqual(1n)
      }),
    )
  })
})

describe('roundSharesToTotal', () => {
  test('gives the leftover units to the largest remainders', () => {
    const parts = roundSharesToTotal(3n, [6n, 6n, 18n], 10n)

    expect(parts).toEqual([1n, 0n, 2n])
  })

  test('refuses a total that is not the rounded sum of the shares', () => {
    const round = () => roundSharesToTotal(5n, [10n, 10n], 10n)

    expect(round).toThrow(/not the rounded sum/)
  })
})

describe('floorDivide', () => {
  test.each([
    [7n, 2n, 3n],
    [-7n, 2n, -4n],
    [-8n, 2n, -4n],
    [0n, 5n, 0n],
  ])('floors %s / %s to %s', (numerator, denominator, expected) => {
    expect(floorDivide(numerator, denominator)).toBe(expected)
  })
})
