// Ledger accounts: their nature, the side their balance normally sits on, and the roles posting
// rules look them up by. The invariant it protects: an account number is a short string of digits
// and an account's nature fixes its normal balance side (debit for assets and expenses, credit for
// liabilities, equity and revenue), so every report reads a balance the same way.

import { invalidField } from '../errors.ts'

export const ACCOUNT_NATURES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const

export type AccountNature = (typeof ACCOUNT_NATURES)[number]

export type Side = 'debit' | 'credit'

/**
 * What posting rules need an account for. An organization's chart names one account per role (and,
 * for revenue and VAT, optionally one per VAT rate); the rules never hard-code account numbers.
 * - receivables: what customers owe (Danish "debitorer"); each line carries the invoice it is for.
 * - revenue: sales, unless a line names its own revenue account.
 * - outputVat / inputVat: VAT charged on sales / paid on purchases.
 * - payables: what the organization owes its suppliers.
 * - bank: where incoming payments land unless the payment names another cash account.
 * - paymentFees: fees the bank or payment provider keeps from a payment.
 * - customerBalance: money received from a customer and not yet applied (overpayments, prepayments).
 * - badDebt: receivables written off as lost.
 * - doubtfulDebt / doubtfulDebtAllowance: a provision for receivables feared lost (a write-down):
 *   the expense, and the asset account that holds it against receivables (its balance is a
 *   credit) until the claim is settled, written off or the write-down reverted.
 * - rounding: the difference when a document total is rounded (Swedish öresavrundning).
 * - reminderFeeRevenue / interestIncome: dunning fees and late-payment interest charged.
 */
export const ACCOUNT_ROLES = [
  'receivables',
  'revenue',
  'outputVat',
  'inputVat',
  'payables',
  'bank',
  'paymentFees',
  'customerBalance',
  'badDebt',
  'doubtfulDebt',
  'doubtfulDebtAllowance',
  'rounding',
  'reminderFeeRevenue',
  'interestIncome',
  'vatSettlement',
] as const

export type AccountRole = (typeof ACCOUNT_ROLES)[number]

/** The natures an account may have to serve a role; anything else is a misconfigured chart. */
export const ROLE_NATURES = {
  receivables: ['asset'],
  revenue: ['revenue'],
  outputVat: ['liability'],
  // Charts differ: BAS and Billy keep input VAT in the VAT settlement group among liabilities,
  // SKR03 lists it among other assets. Either way its balance is normally a debit.
  inputVat: ['asset', 'liability'],
  payables: ['liability'],
  bank: ['asset'],
  paymentFees: ['expense'],
  customerBalance: ['liability'],
  badDebt: ['expense'],
  doubtfulDebt: ['expense'],
  // A contra account among the receivables: an asset whose balance sits on the credit side.
  doubtfulDebtAllowance: ['asset'],
  rounding: ['revenue', 'expense'],
  reminderFeeRevenue: ['revenue'],
  interestIncome: ['revenue'],
  // Where a VAT period's output and input VAT meet when the period is settled: what is owed to
  // (or due from) the tax authorities until it is paid.
  vatSettlement: ['liability'],
} as const satisfies Record<AccountRole, readonly AccountNature[]>

export type Account = Readonly<{
  id?: string
  number: string
  name: string
  nature: AccountNature
  /** The role this account plays for posting rules, if any; at most one per account. */
  role?: AccountRole
  /**
   * With a role of revenue or outputVat (or inputVat): the VAT rate this account is for, as a
   * canonical percentage ('25', '12', '5.5'). An account with a role and no rate serves every rate
   * that has no account of its own.
   */
  vatRatePercent?: string
}>

export function normalBalanceSide(nature: AccountNature): Side {
  return nature === 'asset' || nature === 'expense' ? 'debit' : 'credit'
}

/**
 * A balance as a report shows it: positive when it sits on the account's normal side. Ledger
 * amounts are signed with debit positive, so credit-normal accounts flip the sign.
 */
export function balanceOnNormalSideMinor(nature: AccountNature, signedBalanceMinor: bigint): bigint {
  return normalBalanceSide(nature) === 'debit' ? signedBalanceMinor : -signedBalanceMinor
}

export function isAccountNature(value: unknown): value is AccountNature {
  return typeof value === 'string' && (ACCOUNT_NATURES as readonly string[]).includes(value)
}

export function isAccountRole(value: unknown): value is AccountRole {
  return typeof value === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(value)
}

export const MAX_ACCOUNT_NUMBER_LENGTH = 10

const ACCOUNT_NUMBER = /^[0-9]+$/

/** Account numbers are digits (Billy's accountNo, BAS and SKR03 all are); kept as strings for leading zeros. */
export function parseAccountNumber(value: unknown, field = 'accountNumber'): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value
  if (typeof text !== 'string' || !ACCOUNT_NUMBER.test(text) || text.length > MAX_ACCOUNT_NUMBER_LENGTH) {
    throw invalidField(
      field,
      `${field} must be 1 to ${MAX_ACCOUNT_NUMBER_LENGTH} digits, got ${JSON.stringify(value)}`,
    )
  }
  return text
}

const CANONICAL_PERCENT = /^(0|[1-9][0-9]?|100)(\.[0-9]*[1-9])?$/

/** '25.00' and '25' are one rate; chart lookups compare the canonical text. */
export function canonicalVatRatePercent(value: string, field = 'vatRatePercent'): string {
  const trimmed = value.trim()
  const canonical = trimmed.includes('.') ? trimmed.replace(/0+$/, '').replace(/\.$/, '') : trimmed
  if (!CANONICAL_PERCENT.test(canonical) || (canonical.startsWith('100') && canonical !== '100')) {
    throw invalidField(field, `${field} must be a percentage between 0 and 100, got ${JSON.stringify(value)}`)
  }
  return canonical
}
