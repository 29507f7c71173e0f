// Proves Billomat's reminder texts against the country's dunning limits (a Danish organization:
// at most 100 DKK a reminder, at most three reminders with a fee): a refused charge saves
// nothing, neither the text nor the core's dunning settings; and the reminder list's filters.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { getDunningSettings } from '../../../src/core/dunning/update-dunning-settings.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Wire = Record<string, string>

const level = (sorting: number, charge: string) => ({
  'reminder-text': {
    sorting,
    name: `Rykker ${sorting}`,
    subject: `Rykker ${sorting} for [Invoice.invoice_number]`,
    header: 'Vi har endnu ikke modtaget din betaling.',
    footer: 'Venlig hilsen',
    charge_name: 'Rykkergebyr',
    charge_description: 'Gebyr',
    charge_amount: charge,
  },
})

describeEachEngine('billomat reminder texts and reminders', ({ storage }) => {
  let api: Billomat

  const texts = async () => {
    const found = ok<{ 'reminder-texts': { 'reminder-text'?: Wire | Wire[] } }>(
      await api.json('GET', '/reminder-texts'),
    )['reminder-texts']['reminder-text']
    return Array.isArray(found) ? found : found ? [found] : []
  }

  beforeAll(async () => {
    api = await openBillomat(storage(), { country: 'DK', currency: 'DKK' })
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  test("a charge beyond Denmark's cap is refused naming charge_amount and saves nothing", async () => {
    const first = ok<{ 'reminder-text': Wire }>(
      await api.json('POST', '/reminder-texts', level(1, '100')),
      201,
    )['reminder-text']
    const settingsBefore = await getDunningSettings(api.core, api.tenant)

    const tooHigh = await api.json('PUT', `/reminder-texts/${first.id}`, level(1, '100.01'))
    const tooHighNew = await api.json('POST', '/reminder-texts', level(2, '250'))

    expect(tooHigh.statusCode).toBe(400)
    expect(tooHigh.json().errors.error).toContain('charge_amount')
    expect(tooHighNew.statusCode).toBe(400)
    expect(tooHighNew.json().errors.error).toContain('charge_amount')
    expect((await texts()).map((text) => [text.name, text.charge_amount])).toEqual([['Rykker 1', '100']])
    const settingsAfter = await getDunningSettings(api.core, api.tenant)
    expect(settingsAfter).toEqual(settingsBefore)
    expect(settingsAfter.reminderFeesMinor).toEqual([10000n])
  })

  test('a fourth reminder with a fee is refused and the three levels stay as they were', async () => {
    for (const sorting of [2, 3]) ok(await api.json('POST', '/reminder-texts', level(sorting, '100')), 201)

    const fourth = await api.json('POST', '/reminder-texts', level(4, '50'))
    const freeFourth = ok<{ 'reminder-text': Wire }>(
      await api.json('POST', '/reminder-texts', level(4, '0')),
      201,
    )['reminder-text']
    const chargedAgain = await api.json('PUT', `/reminder-texts/${freeFourth.id}`, level(4, '10'))

    expect(fourth.statusCode).toBe(400)
    expect(fourth.json().errors.error).toContain('at most 3 reminders may carry a fee')
    expect(chargedAgain.statusCode).toBe(400)
    expect((await texts()).map((text) => text.charge_amount)).toEqual(['100', '100', '100', '0'])
    const settings = await getDunningSettings(api.core, api.tenant)
    expect(settings.reminderFeesMinor).toEqual([10000n, 10000n, 10000n, 0n])
    expect(settings.automaticReminders).toBe(true)

    expect((await api.json('DELETE', `/reminder-texts/${freeFourth.id}`)).statusCode).toBe(200)
    expect((await getDunningSettings(api.core, api.tenant)).reminderFeesMinor).toEqual([
      10000n,
      10000n,
      10000n,
    ])
  })
})
