// Journal entries: the only way money moves in the ledger. The invariant it protects: every entry
// that leaves the domain balances (its debits equal its credits), moves some money, and stays
// within limits that the storage's 64-bit integers can sum without overflow. A posted entry is
// never edited; it is corrected by its reversal, the mirror entry, and a new one.

import { assert } from '../assert.ts'
import { DomainError, invalidField } from '../errors.ts'
import type { CurrencyCode } from '../money/currency.ts'
import { parseAccountNumber } from './account.ts'

export type JournalLine = Readonly<{
  accountNumber: string
  /** Signed: positive is a debit, negative a credit. Never zero in a valid entry. */
  amountMinor: bigint
  /** The customer (or supplier) whose balance this line changes. */
  contactId?: string
  /** Set only on lines that change what is owed on that invoice (receivables), so its balance is their sum. */
  invoiceId?: string
  /** On revenue and VAT lines: the VAT rate they belong to, so a VAT return can be read off the ledger. */
  vatRatePercent?: string
  description?: string
}>

export type EntryHeader = Readonly<{
  /** The accounting date, YYYY-MM-DD; the domain has no clock, so the caller always passes it. */
  entryDate: string
  description: string
  currency: CurrencyCode
}>

export type JournalEntryDraft = EntryHeader & Readonly<{ lines: readonly JournalLine[] }>

/** Large enough for a bulk payment settling thousands of invoices, small enough to bound a transaction. */
export const MAX_ENTRY_LINES = 10_000
/** 10^15 minor units is ten trillion in a two-decimal currency; 10^4 such lines still sum within int64. */
export const MAX_LINE_AMOUNT_MINOR = 10n ** 15n
export const MAX_DESCRIPTION_LENGTH = 500

export function debitMinor(line: Pick<JournalLine, 'amountMinor'>): bigint {
  return line.amountMinor > 0n ? line.amountMinor : 0n
}

export function creditMinor(line: Pick<JournalLine, 'amountMinor'>): bigint {
  return line.amountMinor < 0n ? -line.amountMinor : 0n
}

/**
 * Turns a line written with two columns (Billy's side + amount, a daybook's debit and credit, the
 * storage's debit_minor and credit_minor) into the signed amount. A line may use one column only.
 */
export function signedAmountFromSides(debitMinor: bigint, creditMinor: bigint, field: string): bigint {
  if (debitMinor < 0n || creditMinor < 0n) {
    throw invalidField(field, `${field} takes debit and credit amounts of zero or more`)
  }
  if (debitMinor > 0n && creditMinor > 0n) {
    throw new DomainError('unbalanced_entry', `${field} has both a debit and a credit amount`, { field })
  }
  return debitMinor - creditMinor
}

export function sumOfLinesMinor(lines: readonly Pick<JournalLine, 'amountMinor'>[]): bigint {
  return lines.reduce((total, line) => total + line.amountMinor, 0n)
}

export function isBalanced(lines: readonly Pick<JournalLine, 'amountMinor'>[]): boolean {
  return sumOfLinesMinor(lines) === 0n
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/

/** A real calendar date written YYYY-MM-DD: 2024-02-29 is one, 2023-02-29 is not. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (match === null) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export type ValidateEntryOptions = Readonly<{
  /** The organization's account numbers; when given, a line on any other account is refused. */
  accountNumbers?: ReadonlySet<string>
}>

/**
 * Refuses an entry a client composed (a manual daybook transaction) with the field to blame, or
 * returns it unchanged. Posting rules run it on their own output too, for the header fields.
 */
export function validateEntry(
  entry: JournalEntryDraft,
  options: ValidateEntryOptions = {},
): JournalEntryDraft {
  if (!isIsoDate(entry.entryDate)) {
    throw invalidField(
      'entryDate',
      `entryDate must be a date written YYYY-MM-DD, got ${JSON.stringify(entry.entryDate)}`,
    )
  }
  if (entry.description.length > MAX_DESCRIPTION_LENGTH) {
    throw invalidField('description', `description must be at most ${MAX_DESCRIPTION_LENGTH} characters`)
  }
  if (entry.lines.length > MAX_ENTRY_LINES) {
    throw new DomainError('limit_exceeded', `an entry has at most ${MAX_ENTRY_LINES} lines`, {
      field: 'lines',
    })
  }
  if (entry.lines.every((line) => line.amountMinor === 0n)) {
    throw new DomainError('unbalanced_entry', 'an entry must move some money', { field: 'lines' })
  }
  entry.lines.forEach((line, index) => {
    validateLine(line, `lines[${index}]`, options)
  })
  const imbalanceMinor = sumOfLinesMinor(entry.lines)
  if (imbalanceMinor !== 0n) {
    const debitTotalMinor = entry.lines.reduce((total, line) => total + debitMinor(line), 0n)
    throw new DomainError('unbalanced_entry', 'the debits of an entry must equal its credits', {
      field: 'lines',
      debitTotalMinor: String(debitTotalMinor),
      creditTotalMinor: String(debitTotalMinor - imbalanceMinor),
    })
  }
  return entry
}

function validateLine(line: JournalLine, field: string, options: ValidateEntryOptions): void {
  parseAccountNumber(line.accountNumber, `${field}.accountNumber`)
  if (options.accountNumbers !== undefined && !options.accountNumbers.has(line.accountNumber)) {
    throw invalidField(`${field}.accountNumber`, `account ${line.accountNumber} does not exist`)
  }
  if (line.amountMinor === 0n) {
    throw invalidField(`${field}.amountMinor`, `${field} moves no money; leave it out`)
  }
  if (line.amountMinor > MAX_LINE_AMOUNT_MINOR || line.amountMinor < -MAX_LINE_AMOUNT_MINOR) {
    throw invalidField(`${field}.amountMinor`, `${field} exceeds ${MAX_LINE_AMOUNT_MINOR} minor units`)
  }
}

/** The mirror entry: every line on the other side. Reversing the reversal gives back the original lines. */
export function reverseEntry(
  entry: JournalEntryDraft,
  entryDate: string,
  description: string = entry.description,
): JournalEntryDraft {
  const lines = entry.lines.map((line) => ({ ...line, amountMinor: -line.amountMinor }))
  return validateEntry({ entryDate, description, currency: entry.currency, lines })
}

/**
 * Assembles a posting rule's output: drops zero lines, checks the balance (a rule that does not
 * balance is a bug in Faktura, not the client's mistake) and answers null when nothing moves.
 * `header` may be the rule's whole input; only its header fields are kept.
 */
export function composeEntry(header: EntryHeader, lines: readonly JournalLine[]): JournalEntryDraft | null {
  const movingLines = lines.filter((line) => line.amountMinor !== 0n)
  assert(isBalanced(movingLines), `the posting rule for "${header.description}" does not balance`)
  if (movingLines.length === 0) return null
  const { entryDate, description, currency } = header
  return validateEntry({ entryDate, description, currency, lines: movingLines })
}

/** composeEntry for rules whose validated input always moves money (a positive payment amount). */
export function composeMovingEntry(header: EntryHeader, lines: readonly JournalLine[]): JournalEntryDraft {
  const entry = composeEntry(header, lines)
  assert(entry !== null, `the posting rule for "${header.description}" moved no money`)
  return entry
}
