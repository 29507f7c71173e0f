// Creating a bank payment. A deposit (`cashSide: "debit"`) settles invoices by cash plus fee (an
// invoice of 100 is paid by cash 95 and fee 5) and puts what exceeds their balances on the
// contact's balance; a withdrawal (`cashSide: "credit"`) settles bills by cash less fee (a bill of
// 100 is paid by cash 105 and fee 5), as the seed's bankPayments table describes.

import { getBills } from '../../../core/bills/list-bills.ts'
import { payBills } from '../../../core/bills/pay-bills.ts'
import { receivePayment } from '../../../core/payments/receive-payment.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, RequestContext, WireInput } from '../engine/resource.ts'
import { amountToMinor } from '../engine/wire-values.ts'
import { isPaymentEnabled } from './accounts.ts'
import { modifiersOfPayment } from './balance-modifiers.ts'
import { accountOfId, baseCurrencyOf, billyFieldsOf, checkOrganization, ref, text } from './common.ts'
import { invoicesByIds } from './invoices.ts'

type Subjects = Readonly<{ type: 'invoice' | 'bill'; ids: readonly string[] }>

function subjectsOf(input: WireInput, side: 'debit' | 'credit'): Subjects {
  const type = side === 'debit' ? 'invoice' : 'bill'
  const ids = (input.children.associations ?? []).map((association, index) => {
    const reference = String(association.values.subjectReference ?? '')
    const [kind, id] = reference.split(/:(.*)/s)
    if (kind !== type || !id)
      throw invalidField(
        `associations.${index}.subjectReference`,
        `a ${side === 'debit' ? 'deposit settles invoices' : 'withdrawal settles bills'}, written ${type}:<id>; got ${JSON.stringify(reference)}`,
      )
    return id
  })
  if (type === 'bill' && ids.length === 0)
    throw invalidField('associations', 'a withdrawal names the bills it pays')
  return { type, ids }
}

async function subjectCurrency(
  context: RequestContext,
  input: WireInput,
  subjects: Subjects,
): Promise<string> {
  const found =
    subjects.type === 'invoice'
      ? (await invoicesByIds(context, subjects.ids)).map((invoice) => invoice.currency)
      : (await getBills(context.core, context.tenant, subjects.ids)).map((bill) => bill.currency)
  const given = text(input, 'subjectCurrencyId')
  const currency = found[0] ?? given ?? (await baseCurrencyOf(context))
  if (given && given !== currency) throw invalidField('subjectCurrencyId', `the subjects are in ${currency}`)
  return currency
}

async function cashAccount(context: RequestContext, input: WireInput, currency: string) {
  const account = await accountOfId(context, text(input, 'cashAccountId') ?? '', 'cashAccountId')
  if (!isPaymentEnabled(account))
    throw invalidField(
      'cashAccountId',
      `account ${account.number} does not take payments (isPaymentEnabled is false)`,
    )
  const accountCurrency =
    (billyFieldsOf(account.extra).currencyId as string | undefined) ?? (await baseCurrencyOf(context))
  if (accountCurrency !== currency)
    throw invalidField(
      'cashExchangeRate',
      `Faktura records a payment only in its subjects' currency ${currency}; account ${account.number} is in ${accountCurrency}`,
    )
  return account
}

async function feeAccountNumber(
  context: RequestContext,
  input: WireInput,
  feeMinor: bigint,
): Promise<string | undefined> {
  const id = text(input, 'feeAccountId')
  if (!id) return undefined
  const account = await accountOfId(context, id, 'feeAccountId')
  if (account.nature !== 'expense')
    throw invalidField('feeAccountId', `account ${account.number} is not an expense account`)
  return feeMinor > 0n ? account.number : undefined
}

export async function createBankPayment(context: RequestContext, input: WireInput): Promise<Changes> {
  checkOrganization(context, input)
  if (input.values.isVoided === true) throw invalidField('isVoided', 'a new payment cannot be voided')
  const side = input.values.cashSide === 'credit' ? 'credit' : 'debit'
  const subjects = subjectsOf(input, side)
  const currency = await subjectCurrency(context, input, subjects)
  const account = await cashAccount(context, input, currency)
  const cashMinor = amountToMinor(String(input.values.cashAmount), currency, 'cashAmount')
  const feeMinor = input.values.feeAmount
    ? amountToMinor(String(input.values.feeAmount), currency, 'feeAmount')
    : 0n
  if (cashMinor <= 0n) throw invalidField('cashAmount', 'cashAmount must be positive')
  if (feeMinor < 0n) throw invalidField('feeAmount', 'feeAmount must not be negative')
  const feeAccount = await feeAccountNumber(context, input, feeMinor)
  const common = {
    paidOn: text(input, 'entryDate') ?? '',
    cashAccountNumber: account.number,
    ...(feeAccount ? { feeAccountNumber: feeAccount } : {}),
    extra: {
      billy: {
        cashSide: side,
        cashAccountId: account.id,
        feeAccountId: text(input, 'feeAccountId') ?? undefined,
      },
    },
  }
  const contactId = text(input, 'contactId') ?? undefined
  const paymentId =
    side === 'debit'
      ? (
          await receivePayment(context.core, context.tenant, {
            ...common,
            invoiceIds: subjects.ids,
            ...(contactId ? { contactId } : {}),
            currency,
            amountMinor: cashMinor + feeMinor,
            feeMinor,
          })
        ).paymentId
      : (
          await payBills(context.core, context.tenant, {
            ...common,
            billIds: subjects.ids,
            settledMinor: cashMinor - feeMinor,
            feeMinor,
          })
        ).paymentId
  return {
    changed: [
      ref('bankPayment', paymentId, input.clientId),
      ...subjects.ids.map((id) => ref(subjects.type, id)),
      ...(await modifiersOfPayment(context, paymentId)).map((id, index) =>
        ref('balanceModifier', id, input.children.associations?.[index]?.clientId),
      ),
    ],
    deleted: [],
  }
}
