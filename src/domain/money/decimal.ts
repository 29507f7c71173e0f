// Fixed-point decimals for quantities, unit prices and percentages: an integer count of 10^-scale.
// Arithmetic here is exact; the only way a value loses digits is rescaleDecimal, which names its rounding,
// so a quantity or price becomes money (toMinorUnits) in exactly one visible step.

import { assert } from '../assert.ts'
import { invalidField } from '../errors.ts'
import { type CurrencyCode, currencyExponent } from './currency.ts'
import { abs, divideRounded, type Rounding } from './money.ts'

/** value = units / 10^scale. Scale is a non-negative integer; units carries the sign. */
export type Decimal = Readonly<{ units: bigint; scale: number }>

/** More decimals than this in input is almost always a float leaking through, so parsing refuses it. */
export const MAX_DECIMAL_SCALE = 10

/** Bounds the integer part of parsed input, so hostile input cannot make bigint arithmetic slow. */
export const MAX_DECIMAL_INTEGER_DIGITS = 18

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/
// Number.prototype.toString switches to exponent notation below 1e-6; only that path accepts an exponent.
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/

export function decimal(units: bigint, scale = 0): Decimal {
  assert(
    Number.isSafeInteger(scale) && scale >= 0,
    `decimal scale must be a non-negative integer, got ${scale}`,
  )
  return { units, scale }
}

function powerOfTen(exponent: number): bigint {
  assert(Number.isSafeInteger(exponent) && exponent >= 0, `power of ten needs a non-negative exponent`)
  return 10n ** BigInt(exponent)
}

/**
 * Reads a decimal from a string ("12.345", "-0.5") or a JS number (through its shortest round-trip
 * string, so 0.1 is exactly 1/10). Exponents, blanks, "+", ".5" and "5." are refused in strings: wire
 * formats of all three vendors write plain decimals, and anything else is more likely a bug than a value.
 */
export function parseDecimal(value: unknown, field: string, maxScale = MAX_DECIMAL_SCALE): Decimal {
  if (typeof value === 'string') return decimalFromText(value, DECIMAL_TEXT, field, maxScale)
  if (typeof value === 'bigint') return checkedDecimal(value, 0, field, maxScale)
  if (typeof value === 'number') return decimalFromNumber(value, field, maxScale)
  throw invalidField(field, `${field} must be a decimal number, got ${describe(value)}`)
}

export function decimalFromNumber(value: number, field: string, maxScale = MAX_DECIMAL_SCALE): Decimal {
  if (!Number.isFinite(value)) throw invalidField(field, `${field} must be a finite number, got ${value}`)
  // Above 2^53 a float no longer holds every integer, so the digits the client meant are already lost.
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw invalidField(field, `${field} is too large to be read exactly from a number; send it as a string`)
  }
  return decimalFromText(String(value), NUMBER_TEXT, field, maxScale)
}

function decimalFromText(text: string, pattern: RegExp, field: string, maxScale: number): Decimal {
  const match = pattern.exec(text)
  if (match === null)
    throw invalidField(field, `${field} must be a plain decimal like "12.50", got ${describe(text)}`)
  const [, sign = '', integerDigits = '', fractionDigits = '', exponentText] = match
  const exponent = exponentText === undefined ? 0 : Number(exponentText)
  const digits = integerDigits + fractionDigits
  const scale = fractionDigits.length - exponent
  const units = BigInt(sign + digits)
  if (scale < 0) return checkedDecimal(units * powerOfTen(-scale), 0, field, maxScale)
  return checkedDecimal(units, scale, field, maxScale)
}

function checkedDecimal(units: bigint, scale: number, field: string, maxScale: number): Decimal {
  let value = decimal(units, scale)
  // Trailing zeros beyond the limit carry no information ("1.500000000000"), so they are not refused.
  while (value.scale > maxScale && value.units % 10n === 0n)
    value = decimal(value.units / 10n, value.scale - 1)
  if (value.scale > maxScale) {
    throw invalidField(field, `${field} has more than ${maxScale} decimal places`)
  }
  if (abs(value.units) >= powerOfTen(MAX_DECIMAL_INTEGER_DIGITS + value.scale)) {
    throw invalidField(
      field,
      `${field} has more than ${MAX_DECIMAL_INTEGER_DIGITS} digits before the decimal point`,
    )
  }
  return value
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  if (Array.isArray(value)) return 'an array'
  // JSON.stringify throws on a bigint inside an object, and the contents would not help the client anyway.
  if (typeof value === 'object' && value !== null) return 'an object'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 40)}...` : text
}

export type FormatOptions = Readonly<{
  /** Exactly this many decimals. Padding is free; dropping non-zero digits needs `rounding`. */
  scale?: number
  rounding?: Rounding
}>

/** Canonical text: no trailing zeros, no "-0", "0.5" not ".5". With a scale, exactly that many decimals. */
export function formatDecimal(value: Decimal, options: FormatOptions = {}): string {
  const shown =
    options.scale === undefined
      ? normalizeDecimal(value)
      : rescaleForFormat(value, options.scale, options.rounding)
  const digits = abs(shown.units)
    .toString()
    .padStart(shown.scale + 1, '0')
  const sign = shown.units < 0n ? '-' : ''
  if (shown.scale === 0) return sign + digits
  const point = digits.length - shown.scale
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

function rescaleForFormat(value: Decimal, scale: number, rounding: Rounding | undefined): Decimal {
  if (rounding !== undefined) return rescaleDecimal(value, scale, rounding)
  const exact = normalizeDecimal(value)
  assert(
    exact.scale <= scale,
    `formatting ${formatDecimal(value)} with ${scale} decimals drops digits; name a rounding`,
  )
  return decimal(exact.units * powerOfTen(scale - exact.scale), scale)
}

/** The same value at the smallest scale that holds it; equal values have equal normal forms. */
export function normalizeDecimal(value: Decimal): Decimal {
  let { units, scale } = value
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n
    scale -= 1
  }
  return decimal(units, scale)
}

/** Moves to another scale; going down rounds with the named mode, going up is exact. */
export function rescaleDecimal(value: Decimal, scale: number, rounding: Rounding): Decimal {
  if (scale >= value.scale) return decimal(value.units * powerOfTen(scale - value.scale), scale)
  return decimal(divideRounded(value.units, powerOfTen(value.scale - scale), rounding), scale)
}

function aligned(a: Decimal, b: Decimal): readonly [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale)
  return [a.units * powerOfTen(scale - a.scale), b.units * powerOfTen(scale - b.scale), scale]
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [left, right, scale] = aligned(a, b)
  return decimal(left + right, scale)
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [left, right, scale] = aligned(a, b)
  return decimal(left - right, scale)
}

/** Exact: the scales add, so 1.5 × 0.25 is 0.375 at scale 3. */
export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return decimal(a.units * b.units, a.scale + b.scale)
}

export function negateDecimal(value: Decimal): Decimal {
  return decimal(-value.units, value.scale)
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [left, right] = aligned(a, b)
  if (left === right) return 0
  return left < right ? -1 : 1
}

export function decimalSign(value: Decimal): -1 | 0 | 1 {
  if (value.units === 0n) return 0
  return value.units < 0n ? -1 : 1
}

/** The one door from a major-unit amount (quantity × unit price, say) to money: it names its rounding. */
export function toMinorUnits(value: Decimal, currency: CurrencyCode, rounding: Rounding): bigint {
  return rescaleDecimal(value, currencyExponent(currency), rounding).units
}

export function minorToDecimal(amountMinor: bigint, currency: CurrencyCode): Decimal {
  return decimal(amountMinor, currencyExponent(currency))
}

/** 12345n SEK is "123.45", -5n is "-0.05", 100n JPY is "100": always the currency's full exponent. */
export function minorToDecimalString(amountMinor: bigint, currency: CurrencyCode): string {
  const exponent = currencyExponent(currency)
  return formatDecimal(decimal(amountMinor, exponent), { scale: exponent })
}
