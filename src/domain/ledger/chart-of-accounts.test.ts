// Proves the default charts resolve every role to one account of a fitting nature, and how rates fall back.
import { describe, expect, it } from 'vitest'
import { ACCOUNT_ROLES, type Account } from './account.ts'
import { accountForRole, accountNumberForRole, chartProblems } from './chart-of-accounts.ts'
import { DEFAULT_CHARTS, findDefaultChart } from './default-chart.ts'

describe('default charts', () => {
  it.each(DEFAULT_CHARTS.map((chart) => [chart.id, chart] as const))('%s has no problems', (_, chart) => {
    const problems = chartProblems(chart.accounts)

    expect(problems).toEqual([])
  })

  it.each([
    ['DK', { receivables: '5810', revenue: '1110', bank: '5710', badDebt: '1890', outputVat: '7410' }],
    [
      'SE',
      {
        receivables: '1510',
        revenue: '3001',
        outputVat: '2611',
        inputVat: '2641',
        payables: '2440',
        bank: '1930',
        paymentFees: '6570',
        customerBalance: '2420',
        badDebt: '6352',
        rounding: '3740',
        reminderFeeRevenue: '3591',
        interestIncome: '8313',
      },
    ],
    [
      'DE',
      {
        receivables: '1400',
        revenue: '8400',
        outputVat: '1776',
        inputVat: '1576',
        payables: '1600',
        bank: '1200',
        paymentFees: '4970',
        customerBalance: '1710',
        badDebt: '2400',
        interestIncome: '2650',
      },
    ],
  ] as const)('%s resolves its roles to the standard numbers', (country, expected) => {
    const chart = findDefaultChart(country)!.accounts

    const resolved = Object.fromEntries(
      Object.keys(expected).map((role) => [role, accountNumberForRole(chart, role as keyof typeof expected)]),
    )

    expect(resolved).toEqual(expected)
  })

  it.each([
    ['SE', 'outputVat', '12', '2621'],
    ['SE', 'outputVat', '6', '2631'],
    ['SE', 'outputVat', '25', '2611'],
    ['SE', 'revenue', '12', '3002'],
    ['SE', 'revenue', '6.00', '3003'],
    ['DE', 'outputVat', '7', '1771'],
    ['DE', 'outputVat', '19', '1776'],
    ['DE', 'revenue', '7', '8300'],
    ['DK', 'outputVat', '25', '7410'],
  ] as const)('%s puts %s at %s%% on %s', (country, role, rate, expected) => {
    const chart = findDefaultChart(country)!.accounts

    const accountNumber = accountNumberForRole(chart, role, rate)

    expect(accountNumber).toBe(expected)
  })

  it('has no chart for a country it does not know', () => {
    const chart = findDefaultChart('NO')

    expect(chart).toBeUndefined()
  })
})

describe('accountForRole', () => {
  it('refuses a chart without the role as a conflict naming the role', () => {
    const chart: Account[] = [
      { number: '1510', name: 'Kundfordringar', nature: 'asset', role: 'receivables' },
    ]

    const act = () => accountForRole(chart, 'bank')

    expect(act).toThrow(expect.objectContaining({ code: 'conflict', details: { role: 'bank' } }))
  })
})

describe('chartProblems', () => {
  it('names each mistake in a broken chart', () => {
    const chart: Account[] = [
      { number: '1510', name: 'Kundfordringar', nature: 'liability', role: 'receivables' },
      { number: '1510', name: 'Dubbel', nature: 'asset' },
      { number: '6570', name: 'Bank', nature: 'expense', role: 'paymentFees', vatRatePercent: '25' },
      { number: '2611', name: 'Moms', nature: 'liability', role: 'outputVat', vatRatePercent: '25.0' },
      { number: '2612', name: 'Moms', nature: 'liability', role: 'outputVat', vatRatePercent: '25.0' },
    ]

    const problems = chartProblems(chart)

    expect(problems).toEqual([
      'account 1510 is liability but receivables needs asset',
      'account 1510 appears twice',
      'account 6570 has a VAT rate but paymentFees does not vary by rate',
      'account 2611 has the non-canonical rate 25.0',
      'account 2612 has the non-canonical rate 25.0',
      'two accounts serve outputVat 25.0',
      ...ACCOUNT_ROLES.filter((role) => role !== 'receivables' && role !== 'vatSettlement').map(
        (role) => `no default account for the role ${role}`,
      ),
    ])
  })
})
