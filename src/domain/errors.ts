// The one closed set of refusals the core can raise. Dialects map every code to their vendor's
// error body and status in an exhaustive table, so adding a code here fails their type check
// until each dialect has decided how to answer it.

export const DOMAIN_ERROR_CODES = [
  'invalid_field',
  'missing_field',
  'not_found',
  'conflict',
  'wrong_state',
  'currency_mismatch',
  'unbalanced_entry',
  'amount_exceeds_balance',
  'unauthenticated',
  'forbidden',
  'idempotency_mismatch',
  'limit_exceeded',
] as const

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number]

export type DomainErrorDetails = Readonly<{
  /** Dotted path of the offending field in the core's input, when one field is to blame. */
  field?: string
  [key: string]: unknown
}>

export class DomainError extends Error {
  override name = 'DomainError'
  readonly code: DomainErrorCode
  readonly details: DomainErrorDetails

  constructor(code: DomainErrorCode, message: string, details: DomainErrorDetails = {}) {
    super(message)
    this.code = code
    this.details = details
  }
}

export function invalidField(field: string, message: string): DomainError {
  return new DomainError('invalid_field', message, { field })
}

export function missingField(field: string): DomainError {
  return new DomainError('missing_field', `${field} is required`, { field })
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError('not_found', `${what} ${id} does not exist`, { resource: what, id })
}
