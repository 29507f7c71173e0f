// The one dated table of the statutory numbers dunning depends on: reference rates, interest
// margins, reminder-fee limits and the fixed compensation for business debtors, per country. Each
// row holds from its date until the next row of the same country and item, so a rate change is
// one new row, and an interest period that spans it is split at the change. The operator keeps it
// current: every half-year the central banks publish new reference rates (1 January, 1 July), and
// each row names where its number comes from. docs/automation.md explains every item.
//
// Values are plain decimals in the country's currency or in percent, never floats. A country or
// item without a row has no statutory number: Faktura then charges nothing it would have to cap.

export const STATUTORY_ITEMS = [
  /** The central bank's reference rate for the half-year, in percent. */
  'referenceRatePercent',
  /** Percentage points added to the reference rate when the debtor is a consumer. */
  'interestMarginConsumerPercent',
  /** Percentage points added to the reference rate when the debtor is a business. */
  'interestMarginBusinessPercent',
  /** The most one reminder may cost, in the country's currency. */
  'reminderFeeMax',
  /** How many reminders of one claim may carry a fee. */
  'reminderFeeMaxCount',
  /** The fewest days between two reminders that carry a fee. */
  'reminderFeeMinDaysApart',
  /** The fixed sum a business debtor owes once per late claim, in the country's currency. */
  'businessCompensation',
  /** "1": no reminder fee is charged on top of that fixed sum (it covers the creditor's own costs). */
  'compensationCoversReminderFees',
] as const

export type StatutoryItem = (typeof STATUTORY_ITEMS)[number]

export type StatutoryRow = Readonly<{
  country: string
  item: StatutoryItem
  /** The first day the value holds, YYYY-MM-DD. */
  validFrom: string
  value: string
  source: string
}>

/** The currency each country's fixed amounts are written in. */
export const STATUTORY_CURRENCIES: Readonly<Record<string, string>> = { SE: 'SEK', DE: 'EUR', DK: 'DKK' }

const SE_RATE = 'Riksbanken, referensränta (räntelag 1975:635 § 9)'
const DE_RATE = 'Deutsche Bundesbank, Basiszinssatz (BGB § 247)'
const DK_RATE = 'Danmarks Nationalbank, officiel udlånsrente (renteloven § 5 stk. 1)'

function rates(country: string, source: string, values: Readonly<Record<string, string>>): StatutoryRow[] {
  return Object.entries(values).map(([validFrom, value]) => ({
    country,
    item: 'referenceRatePercent',
    validFrom,
    value,
    source,
  }))
}

// The table starts on 2023-01-01; a day before it has no row, so no statutory interest or fee.
const FROM = '2023-01-01'

export const STATUTORY_TABLE: readonly StatutoryRow[] = [
  ...rates('SE', SE_RATE, {
    '2023-01-01': '2.50',
    '2023-07-01': '3.50',
    '2024-01-01': '4.00',
    '2024-07-01': '4.00',
    '2025-01-01': '3.00',
    '2025-07-01': '2.00',
    '2026-01-01': '2.00',
  }),
  {
    country: 'SE',
    item: 'interestMarginConsumerPercent',
    validFrom: FROM,
    value: '8',
    source: 'räntelag (1975:635) § 6',
  },
  {
    country: 'SE',
    item: 'interestMarginBusinessPercent',
    validFrom: FROM,
    value: '8',
    source: 'räntelag (1975:635) § 6',
  },
  {
    country: 'SE',
    item: 'reminderFeeMax',
    validFrom: FROM,
    value: '60.00',
    source:
      'lag (1981:739) om ersättning för inkassokostnader m.m. § 2 (only if agreed in advance), § 4 (60 kronor)',
  },
  {
    country: 'SE',
    item: 'businessCompensation',
    validFrom: FROM,
    value: '450.00',
    source: 'lag (1981:739) om ersättning för inkassokostnader m.m. § 4 a (förseningsersättning)',
  },
  {
    country: 'SE',
    item: 'compensationCoversReminderFees',
    validFrom: FROM,
    value: '1',
    source:
      'lag (1981:739): no reminder fee is due on top of förseningsersättning (directive 2011/7/EU art. 6)',
  },
  ...rates('DE', DE_RATE, {
    '2023-01-01': '1.62',
    '2023-07-01': '3.12',
    '2024-01-01': '3.62',
    '2024-07-01': '3.37',
    '2025-01-01': '2.27',
    '2025-07-01': '1.27',
    '2026-01-01': '1.27',
  }),
  {
    country: 'DE',
    item: 'interestMarginConsumerPercent',
    validFrom: FROM,
    value: '5',
    source: 'BGB § 288 Abs. 1',
  },
  {
    country: 'DE',
    item: 'interestMarginBusinessPercent',
    validFrom: FROM,
    value: '9',
    source: 'BGB § 288 Abs. 2',
  },
  {
    country: 'DE',
    item: 'businessCompensation',
    validFrom: FROM,
    value: '40.00',
    source: 'BGB § 288 Abs. 5 Satz 1',
  },
  {
    country: 'DE',
    item: 'compensationCoversReminderFees',
    validFrom: FROM,
    value: '1',
    source: 'BGB § 288 Abs. 5 Satz 3 (the lump sum is set off against costs of pursuing the claim)',
  },
  ...rates('DK', DK_RATE, {
    '2023-01-01': '1.90',
    '2023-07-01': '3.25',
    '2024-01-01': '3.75',
    '2024-07-01': '3.50',
    '2025-01-01': '2.75',
    '2025-07-01': '1.75',
    '2026-01-01': '1.75',
  }),
  {
    country: 'DK',
    item: 'interestMarginConsumerPercent',
    validFrom: FROM,
    value: '8',
    source: 'renteloven § 5 stk. 1',
  },
  {
    country: 'DK',
    item: 'interestMarginBusinessPercent',
    validFrom: FROM,
    value: '8',
    source: 'renteloven § 5 stk. 1',
  },
  {
    country: 'DK',
    item: 'reminderFeeMax',
    validFrom: FROM,
    value: '100.00',
    source: 'renteloven § 9 b stk. 1',
  },
  {
    country: 'DK',
    item: 'reminderFeeMaxCount',
    validFrom: FROM,
    value: '3',
    source: 'renteloven § 9 b stk. 1',
  },
  {
    country: 'DK',
    item: 'reminderFeeMinDaysApart',
    validFrom: FROM,
    value: '10',
    source: 'renteloven § 9 b stk. 1',
  },
  {
    country: 'DK',
    item: 'businessCompensation',
    validFrom: FROM,
    value: '310.00',
    source: 'renteloven § 9 a stk. 3 (kompensationsbeløb)',
  },
  {
    country: 'DK',
    item: 'compensationCoversReminderFees',
    validFrom: FROM,
    value: '1',
    source:
      'directive 2011/7/EU art. 6 (the fixed sum compensates own recovery costs); Faktura charges no fee on top',
  },
]
