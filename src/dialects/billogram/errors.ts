// Billogram's error envelope: {"status": CODE, "data": {"message", "field", "field_path"}}, with
// only the codes and HTTP statuses real clients know (../shared/reference/billogram.md §1; an
// unknown status string crashes the Java client).

import { ONE_REMINDER_A_DAY } from '../../core/dunning/reminder-batch.ts'
import { DomainError, type DomainErrorCode } from '../../domain/errors.ts'

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
  // Java's client has no INVALID_PARAMETER_COMBINATION and crashes on it, so a taken number or a
  // stale version is reported as the invalid parameter it is.
  conflict: 'INVALID_PARAMETER',
  wrong_state: 'INVALID_OBJECT_STATE',
  currency_mismatch: 'INVALID_PARAMETER_COMBINATION',
  unbalanced_entry: 'INVALID_PARAMETER',
  amount_exceeds_balance: 'INVALID_PARAMETER',
  unauthenticated: 'INVALID_AUTH',
  forbidden: 'PERMISSION_DENIED',
  idempotency_mismatch: 'INVALID_PARAMETER_COMBINATION',
  limit_exceeded: 'PERMISSION_DENIED',
} as const satisfies Record<DomainErrorCode, BillogramErrorCode>

export type FieldPath = readonly (string | number)[]

export type BillogramErrorBody = Readonly<{
  status: BillogramErrorCode
  data: Readonly<{ message: string; field?: string; field_path?: FieldPath }>
}>

/**
 * A refusal only the wire layer can make (an unknown or read-only key, a bad query parameter),
 * raised with the vendor's own code and the offending field's full path.
 */
export class BillogramWireError extends Error {
  override name = 'BillogramWireError'
  readonly code: BillogramErrorCode
  readonly path: FieldPath

  constructor(code: BillogramErrorCode, message: string, path: FieldPath = []) {
    super(message)
    this.code = code
    this.path = path
  }
}

/** For nested errors `field` is the leaf and `field_path` the way to it, e.g. title in ["items", 2]. */
export function errorBody(
  code: BillogramErrorCode,
  message: string,
  path: FieldPath = [],
): BillogramErrorBody {
  if (path.length === 0) return { status: code, data: { message } }
  const leaf = String(path[path.length - 1])
  return { status: code, data: { message, field: leaf, field_path: path.slice(0, -1) } }
}

/** Splits a dotted core path (items.2.title) into a field path, numbers as numbers. */
export function pathOf(dotted: string | undefined): FieldPath {
  if (!dotted) return []
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

export function fromDomainError(error: DomainError): { httpStatus: number; body: BillogramErrorBody } {
  // A second reminder on one day is refused for the billogram's state (it was reminded today),
  // as Python's InvalidObjectStateError expects, not for a parameter.
  if (error.details.rule === ONE_REMINDER_A_DAY)
    return { httpStatus: 400, body: errorBody('INVALID_OBJECT_STATE', error.message) }
  const code = FROM_DOMAIN[error.code]
  return { httpStatus: HTTP_STATUS[code], body: errorBody(code, error.message, pathOf(error.details.field)) }
}

/** Core field names, as patterns over the dotted path, and the wire names a resource shows for them. */
export type FieldNames = readonly (readonly [RegExp, string])[]

/** Renames the field a core refusal names to the wire's name for it, e.g. lines.2.unitPrice -> items.2.price. */
export async function withWireFields<T>(names: FieldNames, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof DomainError) || error.details.field === undefined) throw error
    const field = error.details.field
    const match = names.find(([pattern]) => pattern.test(field))
    if (!match) throw error
    const renamed = field.replace(match[0], match[1])
    throw new DomainError(error.code, error.message.replaceAll(field, renamed), {
      ...error.details,
      field: renamed,
    })
  }
}
