// Billogram's delivery methods (../shared/reference/billogram.md §4) as the core's channels.
// E-invoicing (Efaktura, EDI) has no transport here yet, so it is refused as a feature the
// account does not have, which is how the vendor answers an account without the agreement.

import type { DeliveryChoice } from '../../../core/cases/delivery-channels.ts'
import { BillogramWireError, type FieldPath } from '../errors.ts'

export const SEND_METHODS = ['Email', 'Letter', 'Email+Letter', 'SMS', 'SMS+Letter'] as const
const E_INVOICE_METHODS = ['Efaktura', 'EDI']

export function deliveryOf(method: unknown, path: FieldPath = ['method']): DeliveryChoice {
  if (typeof method === 'string' && E_INVOICE_METHODS.includes(method))
    throw new BillogramWireError(
      'PERMISSION_DENIED',
      `${method} is not available: e-invoicing is not enabled on this server; send by ${SEND_METHODS.join(', ')}`,
      path,
    )
  if (typeof method !== 'string' || !(SEND_METHODS as readonly string[]).includes(method))
    throw new BillogramWireError(
      'INVALID_PARAMETER',
      `method must be one of ${SEND_METHODS.join(', ')}`,
      path,
    )
  return {
    ...(method.startsWith('Email') ? { email: true } : {}),
    ...(method.startsWith('SMS') ? { sms: true } : {}),
    ...(method.endsWith('Letter') ? { letter: true } : {}),
  }
}
