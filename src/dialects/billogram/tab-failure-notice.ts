// The BillingTab callback (../shared/reference/billogram.md §5): when the scheduler could not turn
// a customer's billing tab into a billogram, every account-wide subscriber hears
// `{callback_id, callback_timestamp, callback_type: "BillingTab", billing_tab: {customer_number,
// id}, event: {type: "BillogramCreationError", response: {status, data: {message}}}}`, where the
// response is the error body this API would have answered. main.ts hands the notifier to the
// relay's notice handler.

import { enqueueAccountNotice } from '../../core/callbacks/account-notices.ts'
import { getContact } from '../../core/contacts/get-contact.ts'
import type { CoreContext } from '../../core/context.ts'
import { DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode } from '../../domain/errors.ts'
import { fromDomainError } from './errors.ts'

function domainErrorOf(payload: Readonly<Record<string, unknown>>): DomainError {
  const code = (DOMAIN_ERROR_CODES as readonly unknown[]).includes(payload.code)
    ? (payload.code as DomainErrorCode)
    : 'wrong_state'
  const field = typeof payload.field === 'string' ? payload.field : undefined
  return new DomainError(code, String(payload.message ?? ''), field ? { field } : {})
}

export function billogramTabFailureNotifierFor(core: CoreContext) {
  return async (
    organizationId: string,
    noticeId: string,
    payload: Readonly<Record<string, unknown>>,
  ): Promise<number> => {
    const tenant = { organizationId }
    const contact = await getContact(core, tenant, String(payload.contactId))
    const response = fromDomainError(domainErrorOf(payload)).body
    return enqueueAccountNotice(core, tenant, noticeId, ({ callbackId, callbackAt }) => ({
      callback_id: callbackId,
      callback_timestamp: callbackAt,
      callback_type: 'BillingTab',
      billing_tab: { customer_number: Number(contact.contactNo), id: String(payload.billingTabId) },
      event: { type: 'BillogramCreationError', response },
    }))
  }
}
