// Billy's error envelope: {"meta": {"statusCode", "success": false}, "errorMessage", "errorCode"},
// with 422 `validationErrors` keyed by the record's `_clientId`, or by the root key when the
// client sent none, each `{message, attributes: {<property>: <message>}}` as Billy's own data
// layer reads them (../shared/reference/billy.md section 1). The 422 errorCode is not public;
// VALIDATION_ERROR is Faktura's choice.

import type { DomainError, DomainErrorCode } from '../../domain/errors.ts'

const FROM_DOMAIN = {
  invalid_field: { status: 422, code: 'VALIDATION_ERROR' },
  missing_field: { status: 422, code: 'VALIDATION_ERROR' },
  not_found: { status: 404, code: 'RECORD_NOT_FOUND' },
  conflict: { status: 422, code: 'VALIDATION_ERROR' },
  wrong_state: { status: 422, code: 'VALIDATION_ERROR' },
  currency_mismatch: { status: 422, code: 'VALIDATION_ERROR' },
  unbalanced_entry: { status: 422, code: 'VALIDATION_ERROR' },
  amount_exceeds_balance: { status: 422, code: 'VALIDATION_ERROR' },
  unauthenticated: { status: 401, code: 'AUTHENTICATION_REQUIRED' },
  forbidden: { status: 403, code: 'FORBIDDEN' },
  idempotency_mismatch: { status: 409, code: 'CONFLICT' },
  limit_exceeded: { status: 422, code: 'VALIDATION_ERROR' },
} as const satisfies Record<DomainErrorCode, { status: number; code: string }>

export type ValidationErrors = Readonly<
  Record<string, Readonly<{ message: string; attributes: Readonly<Record<string, string>> }>>
>

export type BillyErrorBody = Readonly<{
  meta: Readonly<{ statusCode: number; success: false }>
  errorCode: string
  errorMessage: string
  helpUrl: string
  validationErrors?: ValidationErrors
}>

export function errorBody(statusCode: number, errorCode: string, errorMessage: string): BillyErrorBody {
  return {
    meta: { statusCode, success: false },
    errorCode,
    errorMessage,
    helpUrl: 'https://www.billy.dk/support/',
  }
}

function recordKeyOf(error: DomainError): string {
  const key = error.details.clientId ?? error.details.recordKey ?? 'record'
  return String(key)
}

/** The attribute a refusal names: a child keyed by its own `_clientId` names its own property. */
function attributeOf(error: DomainError): string | undefined {
  if (error.details.clientId !== undefined && typeof error.details.childField === 'string')
    return error.details.childField
  return error.details.field
}

export function fromDomainError(error: DomainError): BillyErrorBody {
  const { status, code } = FROM_DOMAIN[error.code]
  const body = errorBody(status, code, error.message)
  if (status !== 422) return body
  const attribute = attributeOf(error)
  const attributes = attribute ? { [attribute]: error.message } : {}
  return { ...body, validationErrors: { [recordKeyOf(error)]: { message: error.message, attributes } } }
}
