// The chart a Danish organization starts with, modelled on Billy's standard chart. The invariant it
// protects: the account numbers Billy's own clients look up (1110 Salg, 5710 Bank, 5810 Debitorer;
// MED calls GET /accounts?accountNo=1110) exist with the same numbers and natures.
// Billy does not publish its full standard chart (../shared/reference/billy.md section 3.6, open
// question 4). Numbers marked "inferred" are Faktura's choice, following Billy's visible pattern:
// 1000-4999 income statement, 5000 and up balance sheet, liabilities near MED's 7395.

import type { Account } from '../account.ts'

export const DANISH_STANDARD_CHART: readonly Account[] = [
  { number: '1110', name: 'Salg', nature: 'revenue', role: 'revenue' }, // billy.md 3.6
  { number: '1115', name: 'Salg af fragt', nature: 'revenue' }, // billy.md 3.6 (MED default)
  { number: '1150', name: 'Rykkergebyrer', nature: 'revenue', role: 'reminderFeeRevenue' }, // inferred
  { number: '1210', name: 'Vareforbrug', nature: 'expense' }, // billy.md 3.6 (MED default)
  { number: '1840', name: 'Små anskaffelser', nature: 'expense' }, // billy.md 3.6
  { number: '1860', name: 'Bankgebyrer', nature: 'expense', role: 'paymentFees' }, // inferred
  { number: '1890', name: 'Tab på kunder', nature: 'expense', role: 'badDebt' }, // billy.md 3.6
  { number: '1891', name: 'Befarede tab på debitorer', nature: 'expense', role: 'doubtfulDebt' }, // inferred
  { number: '1895', name: 'Øreafrunding', nature: 'expense', role: 'rounding' }, // inferred
  { number: '3110', name: 'Renteindtægter', nature: 'revenue', role: 'interestIncome' }, // inferred
  { number: '5710', name: 'Bank', nature: 'asset', role: 'bank' }, // billy.md 3.6
  { number: '5720', name: 'Kontantbeholdning', nature: 'asset' }, // billy.md 3.6
  { number: '5810', name: 'Debitorer', nature: 'asset', role: 'receivables' }, // billy.md 3.6 (MED default)
  // Nedskrivning til imødegåelse af tab: held against 5810 Debitorer, a credit balance.
  {
    number: '5815',
    name: 'Hensættelse til tab på debitorer',
    nature: 'asset',
    role: 'doubtfulDebtAllowance',
  }, // inferred
  { number: '5830', name: 'Varelager', nature: 'asset' }, // billy.md 3.6 (MED default)
  { number: '7310', name: 'Kreditorer', nature: 'liability', role: 'payables' }, // inferred
  { number: '7390', name: 'Forudbetalinger fra kunder', nature: 'liability', role: 'customerBalance' }, // inferred
  // Denmark has one VAT rate, so one salgsmoms account serves every rate.
  { number: '7410', name: 'Salgsmoms', nature: 'liability', role: 'outputVat' }, // inferred
  { number: '7420', name: 'Købsmoms', nature: 'liability', role: 'inputVat' }, // inferred
  { number: '7430', name: 'Momsafregning', nature: 'liability', role: 'vatSettlement' }, // inferred
]
