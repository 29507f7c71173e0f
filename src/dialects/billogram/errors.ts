// Billogram's error envelope: {"status": CODE, "data": {"message", "field", "field_path"}}, with
// only the codes and HTTP statuses real clients know (../shared/reference/billogram.md §1; an
// unknown status string crashes the Java client).

import type { DomainError, DomainErrorCode } from '../../domain/errors.ts'

export type BillogramErrorCode =
  | 'MISSING_AUTH'
  | 'INVALID_AUTH'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'NOT_AVAILABLE_YET'
  | 'METHOD_NOT_ALLOWED'
  | 'MISSING_QUERY_PARAMETER'
  | 'INVALID_QUERY_PARAMETER'
  | 'INVALID_PARAMETER'
  | 'INVALID_PARAMETER_COMBINATION'
  | 'READ_ONLY_PARAMETER'
  | 'UNKNOWN_PARAMETER'
  | 'INVALID_OBJECT_STATE'

export const HTTP_STATUS: Record<BillogramErrorCode, number> = {
  MISSING_AUTH: 401,
  INVALID_AUTH: 403,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  NOT_AVAILABLE_YET: 404,
  METHOD_NOT_ALLOWED: 405,
  MISSING_QUERY_PARAMETER: 400,
  INVALID_QUERY_PARAMETER: 400,
  INVALID_PARAMETER: 400,
  INVALID_PARAMETER_COMBINATION: 400,
  READ_ONLY_PARAMETER: 400,
  UNKNOWN_PARAMETER: 400,
  INVALID_OBJECT_STATE: 400,
}

const FROM_DOMAIN = {
  invalid_field: 'INVALID_PARAMETER',
  missing_field: 'INVALID_PARAMETER',
  not_found: 'NOT_FOUND',
  conflict: 'INVALID_PARAMETER_COMBINATION',
  wrong_state: 'INVALID_OBJECT_STATE',
  currency_mismatch: 'INVALID_PARAMETER_COMBINATION',
  unbalanced_entry: 'INVALID_PARAMETER',
  amount_exceeds_balance: 'INVALID_PARAMETER',
  unauthenticated: 'INVALID_AUTH',
  forbidden: 'PERMISSION_DENIED',
  idempotency_mismatch: 'INVALID_PARAMETER_COMBINATION',
  limit_exceeded: 'PERMISSION_DENIED',
} as const satisfies Record<DomainErrorCode, BillogramErrorCode>

export type BillogramErrorBody = Readonly<{
  status: BillogramErrorCode
  data: Readonly<{ message: string; field?: string; field_path?: readonly (string | number)[] }>
}>

export function errorBody(code: BillogramErrorCode, message: string, field?: string): BillogramErrorBody {
  if (field === undefined) return { status: code, data: { message } }
  // Nested paths arrive dotted (items.2.title): the leaf is `field`, the rest `field_path`.
  const parts = field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
  const leaf = String(parts.pop())
  return { status: code, data: { message, field: leaf, field_path: parts } }
}

export function fromDomainError(error: DomainError): { httpStatus: number; body: BillogramErrorBody } {
  const code = FROM_DOMAIN[error.code]
  return { httpStatus: HTTP_STATUS[code], body: errorBody(code, error.message, error.details.field) }
}
