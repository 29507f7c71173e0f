// Billogram's command bodies (../shared/reference/billogram.md §4) as core case commands. Bodies
// may be absent, `null` or `{}` (Python sends json.dumps(None), Java {} or nothing); each command
// refuses keys it does not know. Commands the core has no partner for are refused as features
// this account does not have, in the vendor's own PERMISSION_DENIED.

import { primaryInvoiceOf } from '../../../core/cases/case-details.ts'
import type { CaseDetails } from '../../../core/cases/get-case.ts'
import type { CaseCommand } from '../../../core/cases/run-case-command.ts'
import type { CreditSelection } from '../../../core/invoices/credit-lines.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { currencyExponent } from '../../../domain/money/currency.ts'
import { parseDecimal, toMinorUnits } from '../../../domain/money/decimal.ts'
import { BillogramWireError, type FieldNames } from '../errors.ts'
import { lastDeliveryMethodOf } from './billogram-events.ts'
import { billogramExtraOf, itemsToWire } from './billogram-out.ts'
import { isHiddenLine } from './billogram-sums.ts'
import { deliveryOf } from './delivery-method.ts'
import { readChoice, readDecimal, readList, readText } from './read.ts'
import { type Catalog, checkBody, type JsonObject } from './strict-body.ts'

export const COMMAND_CATALOGS: Readonly<Record<string, Catalog>> = {
  send: { method: 'w' },
  resend: { method: 'w', message: 'w' },
  remind: { method: 'w', message: 'w' },
  payment: { amount: 'w', date: 'w' },
  credit: { mode: 'w', amount: 'w', items: 'w', method: 'w', text: 'w' },
  writeoff: {},
  writedown: {},
  'revert-writedown': {},
  message: { message: 'w' },
  respite: { date: 'w' },
  'remove-respite': {},
  attach: { filename: 'w', content: 'w' },
  'credit-payment': { mode: 'w', amount: 'w' },
  collect: {},
  sell: {},
  'credit-allocate': { amount: 'w', source_id: 'w' },
}

const UNAVAILABLE: Readonly<Record<string, string>> = {
  'confirmed-loss': 'confirmed losses are not enabled for this account',
  'settle-underpayment': 'settling underpayments is not enabled for this account',
}

function invalid(field: string, message: string): BillogramWireError {
  return new BillogramWireError('INVALID_PARAMETER', message, [field])
}

/** A positive amount in the billogram's currency, refused if it has more decimals than the currency. */
function amountMinorOf(body: JsonObject, currency: string): bigint {
  const amount = readDecimal(body, 'amount')
  if (amount === undefined) throw invalid('amount', 'amount is required')
  const value = parseDecimal(amount, 'amount', currencyExponent(currency as CurrencyCode))
  const amountMinor = toMinorUnits(value, currency as CurrencyCode, 'half-up')
  if (amountMinor <= 0n) throw invalid('amount', 'amount must be greater than 0')
  return amountMinor
}

/** Credited items: each names a line of the billogram by item_no or title, its count negative. */
function creditedLines(body: JsonObject, details: CaseDetails): CreditSelection {
  const items = readList(body, 'items')
  if (!items || items.length === 0) throw invalid('items', 'mode items needs the items to credit')
  const primary = primaryInvoiceOf(details)
  const shown = primary ? itemsToWire(primary) : []
  // The items the wire shows, by their line numbers: hidden lines (fee, rounding) are not items.
  const lineNos = (primary?.lines ?? [])
    .filter((line) => !isHiddenLine(line.extra))
    .map((line) => line.lineNo)
  const used = new Set<number>()
  const lines = items.map((item, index) => {
    const itemNo = readText(item, 'item_no', ['items', index], 60)
    const title = readText(item, 'title', ['items', index], 2000)
    const position = shown.findIndex(
      (line, at) =>
        !used.has(at) &&
        ((itemNo !== undefined && line.item_no === itemNo) || (itemNo === undefined && line.title === title)),
    )
    if (position < 0)
      throw new BillogramWireError(
        'INVALID_PARAMETER',
        'no item of the billogram has this item_no or title',
        ['items', index, itemNo === undefined ? 'title' : 'item_no'],
      )
    used.add(position)
    const count = readDecimal(item, 'count', ['items', index])
    if (count === undefined || parseDecimal(count, 'count').units >= 0n)
      throw new BillogramWireError('INVALID_PARAMETER', 'count must be negative for a credited item', [
        'items',
        index,
        'count',
      ])
    const magnitude = String(count).replace(/^-/, '')
    return { lineNo: lineNos[position] ?? 0, quantity: magnitude }
  })
  return { mode: 'lines', lines }
}

function creditOf(body: JsonObject, details: CaseDetails, currency: string): CaseCommand {
  const mode = readChoice(body, 'mode', ['full', 'remaining', 'amount', 'items'] as const)
  if (mode === undefined) throw invalid('mode', 'mode is required: full, remaining, amount or items')
  const method = readText(body, 'method')
  const delivery = method === undefined || method === 'DoNotNotify' ? undefined : deliveryOf(method)
  const selection: CreditSelection =
    mode === 'amount'
      ? { mode: 'amount', amountMinor: amountMinorOf(body, currency) }
      : mode === 'items'
        ? creditedLines(body, details)
        : { mode }
  return { type: 'credit', selection, ...(delivery ? { delivery } : {}) }
}

/** credit-payment on a stand-alone credit: all that is left, or an amount of it. */
function creditPaymentOf(body: JsonObject, currency: string): CaseCommand {
  const mode = readChoice(body, 'mode', ['remaining', 'amount'] as const)
  if (mode === undefined) throw invalid('mode', 'mode is required: remaining or amount')
  if (mode === 'remaining') return { type: 'payOutCredit' }
  return { type: 'payOutCredit', amountMinor: amountMinorOf(body, currency) }
}

/** The case behind a billogram id that a command's body names. */
export type SourceLookup = (billogramId: string) => Promise<CaseDetails>

/** credit-allocate on a debit billogram: {amount, source_id} of a stand-alone credit. */
async function creditAllocateOf(
  body: JsonObject,
  currency: string,
  sourceOf: SourceLookup,
): Promise<CaseCommand> {
  const amountMinor = amountMinorOf(body, currency)
  const sourceId = readText(body, 'source_id', [], 20)
  if (sourceId === undefined || sourceId === '') throw invalid('source_id', 'source_id is required')
  const source = await sourceOf(sourceId)
  return { type: 'allocateCredit', sourceCaseId: source.caseId, amountMinor }
}

export async function commandOf(
  name: string,
  details: CaseDetails,
  body: JsonObject,
  sourceOf: SourceLookup,
): Promise<CaseCommand> {
  const unavailable = UNAVAILABLE[name]
  if (unavailable) throw new BillogramWireError('PERMISSION_DENIED', unavailable)
  const catalog = COMMAND_CATALOGS[name]
  if (!catalog) throw new BillogramWireError('NOT_FOUND', `no such command: ${name}`)
  checkBody(body, catalog)
  const primary = primaryInvoiceOf(details)
  const currency = primary?.currency ?? 'SEK'
  const method = () => readText(body, 'method') ?? lastDeliveryMethodOf(details.events) ?? 'Email'
  switch (name) {
    case 'send':
      if (body.method === undefined) throw invalid('method', 'method is required')
      // A stand-alone credit may be attested without being sent (seed 001, workflow 3).
      if (body.method === 'DoNotNotify' && primary?.kind === 'credit_note') return { type: 'issue' }
      return { type: 'issue', delivery: deliveryOf(body.method) }
    case 'resend':
      return { type: 'deliver', delivery: deliveryOf(method()) }
    case 'remind': {
      const fee = primary ? billogramExtraOf(primary).reminderFee : undefined
      const feeMinor = fee
        ? toMinorUnits(parseDecimal(fee, 'reminder_fee'), currency as CurrencyCode, 'half-up')
        : 0n
      const message = readText(body, 'message', [], 4000)
      return { type: 'remind', delivery: deliveryOf(method()), feeMinor, ...(message ? { message } : {}) }
    }
    case 'payment':
      return {
        type: 'pay',
        amountMinor: amountMinorOf(body, currency),
        ...(typeof body.date === 'string' ? { paidOn: body.date } : {}),
      }
    case 'credit':
      return creditOf(body, details, currency)
    case 'writeoff':
      return { type: 'writeOff' }
    case 'writedown':
      return { type: 'writeDown' }
    case 'revert-writedown':
      return { type: 'revertWriteDown' }
    case 'message':
      return { type: 'message', text: body.message }
    case 'respite':
      if (body.date === undefined) throw invalid('date', 'date is required')
      return { type: 'grantRespite', until: body.date }
    case 'remove-respite':
      return { type: 'removeRespite' }
    case 'collect':
      return { type: 'collect' }
    case 'sell':
      return { type: 'sell' }
    case 'credit-payment':
      return creditPaymentOf(body, currency)
    case 'credit-allocate':
      return creditAllocateOf(body, currency, sourceOf)
    default:
      return { type: 'attach', attachment: { filename: body.filename, contentBase64: body.content } }
  }
}

export const COMMAND_FIELD_NAMES: FieldNames = [
  [/^(amount|date|message|method|mode)$/, '$1'],
  [/^sourceId$/, 'source_id'],
  [/^invoiceId$/, 'id'],
  [/^paidOn$/, 'date'],
  [/^lines\.(\d+)\.quantity$/, 'items.$1.count'],
  [/^lines$/, 'items'],
  [/^content$/, 'content'],
  [/^email$/, 'customer.email'],
  [/^phone$/, 'customer.phone'],
  [/^address$/, 'customer.address'],
]
