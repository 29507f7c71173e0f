// The chart a German organization starts with: the accounts of DATEV's SKR03 that invoicing posts
// to. The invariant it protects: numbers and natures are SKR03's own, so a DATEV export lands on the
// accounts a Steuerberater expects, with revenue and VAT accounts per German rate (19 and 7 percent).
// Only plain accounts are used, never DATEV's automatic VAT accounts (such as 2406 Forderungsverluste
// 19 % USt), because Faktura posts the VAT part of every entry itself.

import type { Account } from '../account.ts'

export const GERMAN_SKR03_CHART: readonly Account[] = [
  // Einzelwertberichtigung: a doubtful receivable is written down, net of VAT, against 0998; the
  // VAT is corrected only when the receivable is lost (§ 17 UStG).
  {
    number: '0998',
    name: 'Einzelwertberichtigung zu Forderungen mit einer Restlaufzeit bis zu 1 Jahr',
    nature: 'asset',
    role: 'doubtfulDebtAllowance',
  },
  { number: '1200', name: 'Bank', nature: 'asset', role: 'bank' },
  {
    number: '1400',
    name: 'Forderungen aus Lieferungen und Leistungen',
    nature: 'asset',
    role: 'receivables',
  },
  {
    number: '1571',
    name: 'Abziehbare Vorsteuer 7 %',
    nature: 'asset',
    role: 'inputVat',
    vatRatePercent: '7',
  },
  { number: '1576', name: 'Abziehbare Vorsteuer 19 %', nature: 'asset', role: 'inputVat' },
  {
    number: '1600',
    name: 'Verbindlichkeiten aus Lieferungen und Leistungen',
    nature: 'liability',
    role: 'payables',
  },
  // Not 1718 "Erhaltene, versteuerte Anzahlungen 19 % USt": an overpayment has had no VAT charged on it.
  {
    number: '1710',
    name: 'Erhaltene Anzahlungen auf Bestellungen',
    nature: 'liability',
    role: 'customerBalance',
  },
  { number: '1771', name: 'Umsatzsteuer 7 %', nature: 'liability', role: 'outputVat', vatRatePercent: '7' },
  { number: '1776', name: 'Umsatzsteuer 19 %', nature: 'liability', role: 'outputVat' },
  { number: '2400', name: 'Forderungsverluste (übliche Höhe)', nature: 'expense', role: 'badDebt' },
  {
    number: '2451',
    name: 'Einstellungen in die Einzelwertberichtigung zu Forderungen',
    nature: 'expense',
    role: 'doubtfulDebt',
  },
  { number: '2650', name: 'Sonstige Zinsen und ähnliche Erträge', nature: 'revenue', role: 'interestIncome' },
  // Mahngebühren are damages, not consideration for a supply: no VAT, and not sales revenue.
  { number: '2700', name: 'Sonstige Erträge', nature: 'revenue', role: 'reminderFeeRevenue' },
  { number: '2709', name: 'Sonstige Erträge unregelmäßig', nature: 'revenue', role: 'rounding' },
  // Purchases: goods bought for resale first (the default for a supplier's bill that names no
  // account), then the catch-all for other operating costs.
  { number: '3400', name: 'Wareneingang 19 % Vorsteuer', nature: 'expense' },
  { number: '4900', name: 'Sonstige betriebliche Aufwendungen', nature: 'expense' },
  { number: '4970', name: 'Nebenkosten des Geldverkehrs', nature: 'expense', role: 'paymentFees' },
  {
    number: '8125',
    name: 'Steuerfreie innergemeinschaftliche Lieferungen § 4 Nr. 1b UStG',
    nature: 'revenue',
  },
  { number: '8300', name: 'Erlöse 7 % USt', nature: 'revenue', role: 'revenue', vatRatePercent: '7' },
  {
    number: '8336',
    name: 'Erlöse aus im anderen EU-Land steuerpflichtigen sonstigen Leistungen',
    nature: 'revenue',
  },
  { number: '8400', name: 'Erlöse 19 % USt', nature: 'revenue', role: 'revenue' },
]
