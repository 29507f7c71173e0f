// Proves the open balance splits into principal, fees and interest that add up, payments settling
// costs first, then interest, then principal.
import { describe, expect, it } from 'vitest'
import { splitOpenBalance } from './balance-split.ts'

const invoice = { grossMinor: 100_000n, creditedMinor: 0n, writtenOffMinor: 0n, interestChargedMinor: 1_500n }

describe('splitOpenBalance', () => {
  it('shows fees and interest beside the unpaid total', () => {
    expect(splitOpenBalance({ ...invoice, balanceMinor: 107_500n })).toEqual({
      principalMinor: 100_000n,
      feesMinor: 6_000n,
      interestMinor: 1_500n,
    })
  })

  it('lets a part payment settle the fees first, then the interest', () => {
    expect(splitOpenBalance({ ...invoice, balanceMinor: 100_500n })).toEqual({
      principalMinor: 100_000n,
      feesMinor: 0n,
      interestMinor: 500n,
    })
  })

  it('reduces the principal once the charges are paid', () => {
    expect(splitOpenBalance({ ...invoice, balanceMinor: 40_000n })).toEqual({
      principalMinor: 40_000n,
      feesMinor: 0n,
      interestMinor: 0n,
    })
  })

  it('owes nothing on a settled invoice', () => {
    expect(splitOpenBalance({ ...invoice, balanceMinor: 0n, creditedMinor: 100_000n })).toEqual({
      principalMinor: 0n,
      feesMinor: 0n,
      interestMinor: 0n,
    })
  })
})
