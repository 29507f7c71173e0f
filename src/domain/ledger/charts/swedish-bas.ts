// The chart a Swedish organization starts with: the accounts of the BAS chart (BAS-kontoplanen)
// that invoicing posts to. The invariant it protects: numbers and natures are BAS's own, so an
// accountant's SIE export lands on the accounts they expect, with one revenue and one output-VAT
// account per Swedish VAT rate (25, 12 and 6 percent).

import type { Account } from '../account.ts'

export const SWEDISH_BAS_CHART: readonly Account[] = [
  { number: '1510', name: 'Kundfordringar', nature: 'asset', role: 'receivables' },
  // Nedskrivning av kundfordringar: the provision for befarade kundförluster, against 1510.
  { number: '1519', name: 'Nedskrivning av kundfordringar', nature: 'asset', role: 'doubtfulDebtAllowance' },
  { number: '1930', name: 'Företagskonto/checkkonto/affärskonto', nature: 'asset', role: 'bank' },
  { number: '2420', name: 'Förskott från kunder', nature: 'liability', role: 'customerBalance' },
  { number: '2440', name: 'Leverantörsskulder', nature: 'liability', role: 'payables' },
  {
    number: '2611',
    name: 'Utgående moms på försäljning inom Sverige, 25 %',
    nature: 'liability',
    role: 'outputVat',
  },
  {
    number: '2621',
    name: 'Utgående moms på försäljning inom Sverige, 12 %',
    nature: 'liability',
    role: 'outputVat',
    vatRatePercent: '12',
  },
  {
    number: '2631',
    name: 'Utgående moms på försäljning inom Sverige, 6 %',
    nature: 'liability',
    role: 'outputVat',
    vatRatePercent: '6',
  },
  // BAS files input VAT in the VAT settlement group among liabilities; its balance is a debit.
  { number: '2641', name: 'Debiterad ingående moms', nature: 'liability', role: 'inputVat' },
  { number: '3001', name: 'Försäljning inom Sverige, 25 % moms', nature: 'revenue', role: 'revenue' },
  {
    number: '3002',
    name: 'Försäljning inom Sverige, 12 % moms',
    nature: 'revenue',
    role: 'revenue',
    vatRatePercent: '12',
  },
  {
    number: '3003',
    name: 'Försäljning inom Sverige, 6 % moms',
    nature: 'revenue',
    role: 'revenue',
    vatRatePercent: '6',
  },
  { number: '3004', name: 'Försäljning inom Sverige, momsfri', nature: 'revenue' },
  { number: '3308', name: 'Försäljning tjänster till annat EU-land', nature: 'revenue' },
  { number: '3591', name: 'Påminnelseavgifter', nature: 'revenue', role: 'reminderFeeRevenue' },
  { number: '3740', name: 'Öres- och kronutjämning', nature: 'revenue', role: 'rounding' },
  // Purchases: goods first (the default for a supplier's bill that names no account), then other
  // external costs.
  { number: '4010', name: 'Inköp material och varor', nature: 'expense' },
  { number: '6991', name: 'Övriga externa kostnader, avdragsgilla', nature: 'expense' },
  { number: '6351', name: 'Befarade förluster på kundfordringar', nature: 'expense', role: 'doubtfulDebt' },
  { number: '6352', name: 'Konstaterade förluster på kundfordringar', nature: 'expense', role: 'badDebt' },
  { number: '6570', name: 'Bankkostnader', nature: 'expense', role: 'paymentFees' },
  { number: '8313', name: 'Ränteintäkter från kundfordringar', nature: 'revenue', role: 'interestIncome' },
]
