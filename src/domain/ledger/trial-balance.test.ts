// Proves the trial balance sums debits and credits per account and nets to zero over balanced entries.
import { describe, expect, it } from 'vitest'
import { trialBalance } from './trial-balance.ts'

describe('trialBalance', () => {
  it('sums an invoice and its part payment per account, in account order', () => {
    const lines = [
      { accountNumber: '5810', amountMinor: 12500n },
      { accountNumber: '1110', amountMinor: -10000n },
      { accountNumber: '7410', amountMinor: -2500n },
      { accountNumber: '5710', amountMinor: 5000n },
      { accountNumber: '5810', amountMinor: -5000n },
    ]

    const balance = trialBalance(lines)

    expect(balance.rows).toEqual([
      { accountNumber: '1110', debitMinor: 0n, creditMinor: 10000n, balanceMinor: -10000n },
      { accountNumber: '5710', debitMinor: 5000n, creditMinor: 0n, balanceMinor: 5000n },
      { accountNumber: '5810', debitMinor: 12500n, creditMinor: 5000n, balanceMinor: 7500n },
      { accountNumber: '7410', debitMinor: 0n, creditMinor: 2500n, balanceMinor: -2500n },
    ])
    expect(balance.debitTotalMinor).toBe(17500n)
    expect(balance.creditTotalMinor).toBe(17500n)
  })

  it('is empty for no lines', () => {
    const balance = trialBalance([])

    expect(balance).toEqual({ rows: [], debitTotalMinor: 0n, creditTotalMinor: 0n })
  })
})
