// The operator's side of collection and factoring when the operator is the partner itself: it
// records what the agency or the factor did with a case (`collection record`), and what the bank
// did with a payment it recalled (`payment recall`). A case is named as
// its users know it: by the billogram id a Billogram integration sees, by the case number, or by
// the invoice id the other dialects show.

import { caseIdOfNo, loadCase, primaryInvoiceOf } from '../core/cases/case-details.ts'
import type { CoreContext, Tenant } from '../core/context.ts'
import {
  COLLECTION_OUTCOMES,
  type RecordedOutcome,
  recordCollectionOutcome,
} from '../core/dunning/record-collection-outcome.ts'
import { getInvoice } from '../core/invoices/get-invoice.ts'
import { recallPayment } from '../core/payments/recall-payment.ts'
import { caseNoOf } from '../dialects/billogram/ids.ts'
import { invalidField, notFound } from '../domain/errors.ts'
import { type CurrencyCode, currencyExponent } from '../domain/money/currency.ts'
import { minorToDecimalString, parseDecimal, toMinorUnits } from '../domain/money/decimal.ts'
import { openCore } from '../main.ts'
import type { Command, CommandContext } from './commands.ts'

export type PartnerOutcomeFlags = Readonly<Record<string, string | boolean | undefined>>

function flag(flags: PartnerOutcomeFlags, name: string): string | undefined {
  const value = flags[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The invoice a case is named by: --invoice ID, --case NO or --billogram ID (exactly one). */
export async function invoiceNamed(
  core: CoreContext,
  tenant: Tenant,
  flags: PartnerOutcomeFlags,
): Promise<string> {
  const named = ['invoice', 'case', 'billogram'].filter((name) => flag(flags, name) !== undefined)
  if (named.length !== 1)
    throw invalidField('case', 'name the case by one of --invoice, --case or --billogram')
  const invoiceId = flag(flags, 'invoice')
  if (invoiceId) return invoiceId
  const billogram = flag(flags, 'billogram')
  const caseText = flag(flags, 'case') ?? ''
  const caseNo = billogram ? caseNoOf(billogram) : /^\d+$/.test(caseText) ? BigInt(caseText) : undefined
  const caseId =
    caseNo === undefined ? undefined : await caseIdOfNo(core.storage.db, tenant.organizationId, caseNo)
  const record = caseId && (await loadCase(core.storage.db, tenant.organizationId, caseId))
  const primary = record && primaryInvoiceOf(record)
  if (!primary) throw notFound('case', billogram ?? caseText)
  return primary.invoiceId
}

/** Records a partner's outcome for the case the flags name. */
export async function recordPartnerOutcome(
  core: CoreContext,
  tenant: Tenant,
  flags: PartnerOutcomeFlags,
): Promise<RecordedOutcome & Readonly<{ invoiceId: string; currency: CurrencyCode }>> {
  const invoiceId = await invoiceNamed(core, tenant, flags)
  const currency = (await getInvoice(core, tenant, invoiceId)).currency as CurrencyCode
  const amount = flag(flags, 'amount')
  const on = flag(flags, 'on')
  const outcome = flag(flags, 'outcome')
  if (!outcome) throw invalidField('outcome', `--outcome is required: ${COLLECTION_OUTCOMES.join('|')}`)
  const result = await recordCollectionOutcome(core, tenant, {
    invoiceId,
    outcome,
    ...(amount
      ? {
          amountMinor: toMinorUnits(
            parseDecimal(amount, 'amount', currencyExponent(currency)),
            currency,
            'half-up',
          ),
        }
      : {}),
    ...(on ? { on } : {}),
  })
  return { ...result, invoiceId, currency }
}

async function run(context: CommandContext): Promise<number> {
  const org = flag(context.flags, 'org')
  if (!org) throw invalidField('org', '--org is required')
  const core = await openCore(context.config)
  try {
    const result = await recordPartnerOutcome(core, { organizationId: org }, context.flags)
    context.print(
      `invoice ${result.invoiceId}: ${result.outcome}, now ${result.state}, ${minorToDecimalString(result.balanceMinor, result.currency)} ${result.currency} owed`,
      result,
    )
    return 0
  } finally {
    await core.storage.close()
  }
}

async function recall(context: CommandContext): Promise<number> {
  const org = flag(context.flags, 'org')
  if (!org) throw invalidField('org', '--org is required')
  const core = await openCore(context.config)
  try {
    const tenant = { organizationId: org }
    const invoiceId = await invoiceNamed(core, tenant, context.flags)
    const payment = flag(context.flags, 'payment')
    const result = await recallPayment(core, tenant, {
      invoiceId,
      ...(payment ? { paymentId: payment } : {}),
    })
    context.print(`payment ${result.paymentId} recalled from invoice ${invoiceId}`, result)
    return 0
  } finally {
    await core.storage.close()
  }
}

export const PARTNER_COMMANDS: readonly Command[] = [
  {
    name: 'payment recall',
    summary:
      'payment recall --org ID (--billogram ID | --case NO | --invoice ID) [--payment ID]: the bank recalled a payment (SEPA R-transaction); the latest one unless named',
    run: recall,
  },
  {
    name: 'collection record',
    summary:
      'collection record --org ID (--billogram ID | --case NO | --invoice ID) --outcome paid|written_off|cancelled (collection) or sold|denied (factoring) [--amount 123.45] [--on YYYY-MM-DD]',
    run,
  },
]
