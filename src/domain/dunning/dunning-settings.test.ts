// Proves dunning settings default to the statutory fees and are refused, naming the field, when
// they break a statutory limit or contradict themselves.
import { describe, expect, it } from 'vitest'
import { checkDunningSettings, type DunningSettings, defaultDunningSettings } from './dunning-settings.ts'
import { STATUTORY_TABLE } from './statutory-table.ts'

const on = '2026-01-15'
const limits = { table: STATUTORY_TABLE, country: 'DK', currency: 'DKK', on } as const
const base: DunningSettings = defaultDunningSettings(STATUTORY_TABLE, 'DK', 'DKK', on)

function fieldOf(settings: DunningSettings, country = limits): unknown {
  try {
    checkDunningSettings(settings, country)
  } catch (error) {
    return (error as { details?: { field?: string } }).details?.field
  }
  return undefined
}

describe('dunning settings', () => {
  it('default to three reminders at the statutory fee', () => {
    expect(base.reminderDays).toEqual([7, 21, 35])
    expect(base.reminderFeesMinor).toEqual([10_000n, 10_000n, 10_000n])
    expect(defaultDunningSettings(STATUTORY_TABLE, 'SE', 'SEK', on).reminderFeesMinor).toEqual([
      6000n,
      6000n,
      6000n,
    ])
    expect(defaultDunningSettings(STATUTORY_TABLE, 'DE', 'EUR', on).reminderFeesMinor).toEqual([0n, 0n, 0n])
  })

  it('accepts the defaults', () => {
    expect(fieldOf(base)).toBeUndefined()
  })

  it.each([
    [{ reminderDays: [7, 7, 35] }, 'reminderDays.1'],
    [{ reminderDays: [0, 21, 35] }, 'reminderDays.0'],
    [{ reminderFeesMinor: [10_000n] }, 'reminderFees'],
    [{ reminderFeesMinor: [10_001n, 0n, 0n] }, 'reminderFees.0'],
    [{ reminderFeesMinor: [-1n, 0n, 0n] }, 'reminderFees.0'],
    [{ reminderDays: [7, 14, 35] }, 'reminderFees.1'],
    [{ reminderDays: [7, 21, 35, 49], reminderFeesMinor: [1n, 1n, 1n, 1n] }, 'reminderFees.3'],
    [{ payByDays: 0 }, 'payByDays'],
    [{ collectionAfterDays: 1.5 }, 'collectionAfterDays'],
    [{ reminderChannel: 'fax' }, 'reminderChannel'],
    [{ automaticReminders: 'yes' }, 'automaticReminders'],
    [{ reminderDays: '7' }, 'reminderDays'],
    [{ reminderFeesMinor: [6000, 0, 0] }, 'reminderFees'],
  ])('refuses %o naming %s', (patch, field) => {
    expect(fieldOf({ ...base, ...patch } as DunningSettings)).toBe(field)
  })
})
