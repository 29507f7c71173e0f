// Points a refusal at the record and property the client wrote. The core names fields in its own
// words (`invoiceDate`, `lines.2.vatRatePercent`); Billy's clients read `validationErrors` keyed by
// the record's `_clientId` (or the root key) with attributes named as on the wire, so each store
// gives its core-to-wire names and an embedded child that carried a `_clientId` is keyed by it.

import { DomainError } from '../../../domain/errors.ts'
import type { WireInput } from './resource.ts'

export type FieldNames = Readonly<Record<string, string>>

/**
 * `lines.0.vatRatePercent` with `{ vatRatePercent: 'taxRateId' }` is `lines.0.taxRateId`; a name
 * may match any index with `*` (`prices.*.unitPrice`).
 */
export function wireField(names: FieldNames, field: string): string {
  const exact = names[field] ?? names[field.replace(/\.\d+\./g, '.*.')]
  if (exact !== undefined) return exact
  const parts = field.split('.')
  const last = parts.pop() ?? field
  return [...parts, names[last] ?? last].join('.')
}

function childClientId(
  input: WireInput | undefined,
  field: string,
): { clientId: unknown; childField: string } | undefined {
  const match = /^([A-Za-z]+)\.(\d+)\.(.+)$/.exec(field)
  if (!match || !input) return undefined
  const child = input.children[match[1] ?? '']?.[Number(match[2])]
  if (child?.clientId === undefined) return undefined
  return { clientId: child.clientId, childField: match[3] ?? '' }
}

/** Runs a store call; a DomainError it throws comes out keyed for the client's record. */
export async function tagErrors<T>(
  recordKey: unknown,
  names: FieldNames,
  input: WireInput | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof DomainError) || error.details.recordKey !== undefined) throw error
    const field = error.details.field === undefined ? undefined : wireField(names, error.details.field)
    const child = field === undefined ? undefined : childClientId(input, field)
    throw new DomainError(error.code, error.message, {
      ...error.details,
      recordKey,
      ...(field === undefined ? {} : { field }),
      ...(child && error.details.clientId === undefined ? child : {}),
    })
  }
}

/** Runs the save of one embedded child; a refusal names the field as `<relation>.<index>.<field>`. */
export async function asChild<T>(relation: string, index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof DomainError) || error.details.recordKey !== undefined) throw error
    const field = error.details.field
    throw new DomainError(error.code, error.message, {
      ...error.details,
      field: `${relation}.${index}${field ? `.${field}` : ''}`,
    })
  }
}
