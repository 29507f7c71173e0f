// Reads a daybook transaction request into the core's input: a line names its account by
// `accountId` or `accountNo`, its contra account, its tax rate (the amount then includes VAT) and
// an amount in its currency (the base currency when left out).

import type { DaybookLineInput } from '../../../core/daybooks/save-daybook-transaction.ts'
import { DomainError, invalidField } from '../../../domain/errors.ts'
import type { RequestContext, WireInput } from '../engine/resource.ts'
import { amountToMinor } from '../engine/wire-values.ts'
import { accountOfId, baseCurrencyOf, chartOf, definedOnly, text, textPatch } from './common.ts'
import { orderedLines } from './invoice-input.ts'
import { taxOfRate } from './tax-rates.ts'

async function accountNumberOf(context: RequestContext, line: WireInput, index: number): Promise<string> {
  const id = text(line, 'accountId')
  if (id) return (await accountOfId(context, id, `lines.${index}.accountId`)).number
  const number = line.values.accountNo
  if (number === undefined || number === null)
    throw new DomainError('missing_field', 'a line needs accountId or accountNo', {
      field: `lines.${index}.accountId`,
    })
  const account = (await chartOf(context)).find((candidate) => candidate.number === String(number))
  if (!account) throw invalidField(`lines.${index}.accountNo`, `account ${number} does not exist`)
  return account.number
}

export async function daybookLinesOf(
  context: RequestContext,
  lines: readonly WireInput[],
): Promise<DaybookLineInput[]> {
  const baseCurrency = await baseCurrencyOf(context)
  const result: DaybookLineInput[] = []
  for (const { line, index } of orderedLines(lines)) {
    const currency = text(line, 'currencyId') ?? baseCurrency
    const contraId = text(line, 'contraAccountId')
    const taxRateId = text(line, 'taxRateId')
    const tax = taxRateId ? taxOfRate(taxRateId, `lines.${index}.taxRateId`) : undefined
    result.push({
      text: text(line, 'text') ?? null,
      accountNumber: await accountNumberOf(context, line, index),
      contraAccountNumber: contraId
        ? (await accountOfId(context, contraId, `lines.${index}.contraAccountId`)).number
        : null,
      vat: tax
        ? { vatRatePercent: tax.vatRatePercent, taxTreatment: tax.taxTreatment, direction: tax.direction }
        : null,
      side: line.values.side === 'credit' ? 'credit' : 'debit',
      amountMinor: amountToMinor(String(line.values.amount), currency, `lines.${index}.amount`),
      currency,
      extra: { billy: { priority: line.values.priority } },
    })
  }
  return result
}

export function daybookHeaderOf(input: WireInput) {
  return definedOnly({
    daybookId: textPatch(input, 'daybookId'),
    entryDate: text(input, 'entryDate') ?? undefined,
    voucherNo: textPatch(input, 'voucherNo'),
    description: textPatch(input, 'description'),
    extendedDescription: textPatch(input, 'extendedDescription'),
    apiType: textPatch(input, 'apiType'),
    priority: input.values.priority as number | null | undefined,
  })
}
