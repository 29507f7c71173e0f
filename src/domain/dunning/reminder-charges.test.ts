// Proves reminder charges keep the statutory limits in force on the day: caps, the Danish count and
// spacing, the business compensation once, and no fee on top of it.
import { describe, expect, it } from 'vitest'
import { type ChargeContext, type ChargeHistory, reminderCharges } from './reminder-charges.ts'
import { STATUTORY_TABLE } from './statutory-table.ts'

const dk: ChargeContext = {
  table: STATUTORY_TABLE,
  country: 'DK',
  baseCurrency: 'DKK',
  invoiceCurrency: 'DKK',
  debtor: 'consumer',
  on: '2026-02-01',
}
const none: ChargeHistory = { feeRemindersSoFar: 0, lastFeeOn: null, compensationChargedMinor: 0n }
const fee = (feeMinor: bigint) => ({ feeMinor, chargeCompensation: true })

describe('reminderCharges', () => {
  it('caps a Danish reminder fee at 100 kroner', () => {
    expect(reminderCharges(dk, fee(25_000n), none)).toEqual({ feeMinor: 10_000n, compensationMinor: 0n })
  })

  it('charges no fee on a fourth Danish reminder or within ten days of the last fee', () => {
    expect(reminderCharges(dk, fee(10_000n), { ...none, feeRemindersSoFar: 3 }).feeMinor).toBe(0n)
    expect(
      reminderCharges(dk, fee(10_000n), { ...none, feeRemindersSoFar: 1, lastFeeOn: '2026-01-23' }).feeMinor,
    ).toBe(0n)
    expect(
      reminderCharges(dk, fee(10_000n), { ...none, feeRemindersSoFar: 1, lastFeeOn: '2026-01-22' }).feeMinor,
    ).toBe(10_000n)
  })

  it('charges a Danish business 310 kroner once and no fee on top', () => {
    const business = { ...dk, debtor: 'business' } as const

    expect(reminderCharges(business, fee(10_000n), none)).toEqual({
      feeMinor: 0n,
      compensationMinor: 31_000n,
    })
    expect(reminderCharges(business, fee(10_000n), { ...none, compensationChargedMinor: 31_000n })).toEqual({
      feeMinor: 0n,
      compensationMinor: 0n,
    })
  })

  it('charges a German business the 40 euro lump sum', () => {
    const de = {
      ...dk,
      country: 'DE',
      baseCurrency: 'EUR',
      invoiceCurrency: 'EUR',
      debtor: 'business',
    } as const

    expect(reminderCharges(de, fee(500n), none)).toEqual({ feeMinor: 0n, compensationMinor: 4_000n })
    expect(reminderCharges({ ...de, debtor: 'consumer' }, fee(500n), none)).toEqual({
      feeMinor: 500n,
      compensationMinor: 0n,
    })
  })

  it('charges a business the fee alone when compensation is not asked for', () => {
    const se = {
      ...dk,
      country: 'SE',
      baseCurrency: 'SEK',
      invoiceCurrency: 'SEK',
      debtor: 'business',
    } as const

    expect(reminderCharges(se, { feeMinor: 6_000n, chargeCompensation: false }, none)).toEqual({
      feeMinor: 6_000n,
      compensationMinor: 0n,
    })
  })

  it('charges no fixed amounts on an invoice in another currency', () => {
    expect(reminderCharges({ ...dk, invoiceCurrency: 'EUR' }, fee(10_000n), none)).toEqual({
      feeMinor: 0n,
      compensationMinor: 0n,
    })
  })
})
