// Billy's error envelope: {"meta": {"statusCode", "success": false}, "errorMessage", "errorCode"},
// with 422 `validationErrors` for field failures (../shared/reference/billy.md §1).

import type { DomainError, DomainErrorCode } from '../../domain/errors.ts'

const FROM_DOMAIN = {
  invalid_field: { status: 422, code: 'VALIDATION_ERROR' },
  missing_field: { status: 422, code: 'VALIDATION_ERROR' },
  not_found: { status: 404, code: 'RECORD_NOT_FOUND' },
  conflict: { status: 409, code: 'CONFLICT' },
  wrong_state: { status: 422, code: 'VALIDATION_ERROR' },
  currency_mismatch: { status: 422, code: 'VALIDATION_ERROR' },
  unbalanced_entry: { status: 422, code: 'VALIDATION_ERROR' },
  amount_exceeds_balance: { status: 422, code: 'VALIDATION_ERROR' },
  unauthenticated: { status: 401, code: 'AUTHENTICATION_REQUIRED' },
  forbidden: { status: 403, code: 'FORBIDDEN' },
  idempotency_mismatch: { status: 409, code: 'CONFLICT' },
  limit_exceeded: { status: 429, code: 'TOO_MANY_REQUESTS' },
} as const satisfies Record<DomainErrorCode, { status: number; code: string }>

export type BillyErrorBody = Readonly<{
  meta: Readonly<{ statusCode: number; success: false }>
  errorCode: string
  errorMessage: string
  helpUrl: string
  validationErrors?: Readonly<Record<string, unknown>>
}>

export function errorBody(statusCode: number, errorCode: string, errorMessage: string): BillyErrorBody {
  return {
    meta: { statusCode, success: false },
    errorCode,
    errorMessage,
    helpUrl: 'https://www.billy.dk/support/',
  }
}

export function fromDomainError(error: DomainError): BillyErrorBody {
  const { status, code } = FROM_DOMAIN[error.code]
  const body = errorBody(status, code, error.message)
  const field = error.details.field
  if (status !== 422 || !field) return body
  return { ...body, validationErrors: { attributes: { [field]: [{ message: error.message }] } } }
}
