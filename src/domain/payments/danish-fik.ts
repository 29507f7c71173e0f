// Danish FI payment ids (FIK, indbetalingskort) of card types 71 and 75, and the code line printed
// on the payment slip. The invariant it protects: a payment id has exactly the length its card type
// demands and a valid check digit, so a Danish bank accepts it and the payment finds its invoice.
// Type 71 carries 15 digits, type 75 carries 16; in both the last digit is a mod 10 check digit
// weighted 1, 2, 1, 2, ... from the right with products' digits summed (Luhn), as the Nets/PBS
// specification for indbetalingskort describes it.

import { invalidField } from '../errors.ts'
import { isDigits, luhnCheckDigit, withoutWhitespace } from './check-digits.ts'

export type FikCardType = '71' | '75'

export const FIK_PAYMENT_ID_LENGTH = { '71': 15, '75': 16 } as const satisfies Record<FikCardType, number>

/** An FI creditor number (FI-kreditornummer) is eight digits. */
export const FIK_CREDITOR_NUMBER_LENGTH = 8

/** Left-pads `baseDigits` with zeros to the payment id's length less one and appends the check digit. */
export function createFikPaymentId(
  cardType: FikCardType,
  baseDigits: string,
  field = 'paymentReference',
): string {
  const payloadLength = FIK_PAYMENT_ID_LENGTH[cardType] - 1
  if (!isDigits(baseDigits) || baseDigits.length > payloadLength) {
    throw invalidField(
      field,
      `${field} needs 1 to ${payloadLength} digits to build a type ${cardType} FI id from`,
    )
  }
  const payload = baseDigits.padStart(payloadLength, '0')
  return payload + String(luhnCheckDigit(payload))
}

/** Why `paymentId` is not a valid payment id of `cardType`, or undefined when it is. */
export function fikPaymentIdProblem(cardType: FikCardType, paymentId: string): string | undefined {
  const length = FIK_PAYMENT_ID_LENGTH[cardType]
  if (!isDigits(paymentId) || paymentId.length !== length) {
    return `a type ${cardType} FI payment id has exactly ${length} digits`
  }
  if (luhnCheckDigit(paymentId.slice(0, -1)) !== Number(paymentId.at(-1))) {
    return 'the check digit of the FI payment id is wrong'
  }
  return undefined
}

export function validateFikPaymentId(cardType: FikCardType, paymentId: string): boolean {
  return fikPaymentIdProblem(cardType, paymentId) === undefined
}

export function parseFikPaymentId(cardType: FikCardType, input: string, field = 'paymentReference'): string {
  const paymentId = withoutWhitespace(input)
  const problem = fikPaymentIdProblem(cardType, paymentId)
  if (problem !== undefined) throw invalidField(field, `${field} is not a valid FI payment id: ${problem}`)
  return paymentId
}

/** The code line a payer types into the bank: `+71<000000000000018+12345678<`. */
export function formatFikLine(cardType: FikCardType, paymentId: string, creditorNumber: string): string {
  const problem = fikPaymentIdProblem(cardType, paymentId)
  if (problem !== undefined) throw invalidField('paymentReference', problem)
  if (!isDigits(creditorNumber) || creditorNumber.length !== FIK_CREDITOR_NUMBER_LENGTH) {
    throw invalidField(
      'creditorNumber',
      `an FI creditor number has exactly ${FIK_CREDITOR_NUMBER_LENGTH} digits`,
    )
  }
  return `+${cardType}<${paymentId}+${creditorNumber}<`
}

export type FikLine = Readonly<{ cardType: FikCardType; paymentId: string; creditorNumber: string }>

const FIK_LINE = /^\+(71|75)<([0-9]+)\+([0-9]+)<$/

/** Reads a code line as a payer or a bank file writes it; spaces anywhere are ignored. */
export function parseFikLine(input: string, field = 'paymentReference'): FikLine {
  const match = FIK_LINE.exec(withoutWhitespace(input))
  if (match === null) throw invalidField(field, `${field} is not an FI code line like +71<...+12345678<`)
  const cardType = match[1] as FikCardType
  const paymentId = parseFikPaymentId(cardType, match[2]!, field)
  const creditorNumber = match[3]!
  if (creditorNumber.length !== FIK_CREDITOR_NUMBER_LENGTH) {
    throw invalidField(
      field,
      `the FI creditor number in ${field} has exactly ${FIK_CREDITOR_NUMBER_LENGTH} digits`,
    )
  }
  return { cardType, paymentId, creditorNumber }
}
