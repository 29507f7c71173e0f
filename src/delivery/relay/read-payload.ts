// Payloads are JSON written by the core and read back here, possibly by a newer or older build.
// Every reader names the offending field, and every failure is a PermanentDeliveryError: a
// payload that is wrong now is wrong on every retry, so the row is dead-lettered at once.

import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import type { LoadDocument } from './outbox-handler.ts'

export type PayloadObject = Readonly<Record<string, unknown>>

function refuse(path: string, expected: string): never {
  throw new PermanentDeliveryError(`payload.${path} must be ${expected}`, { field: path })
}

export function readObject(value: unknown, path: string): PayloadObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(path, 'an object')
  return value as PayloadObject
}

export function readStringValue(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') refuse(path, 'a non-empty string')
  return value
}

export function readString(object: PayloadObject, key: string, path: string): string {
  return readStringValue(object[key], `${path}${key}`)
}

export function readOptionalString(object: PayloadObject, key: string, path: string): string | undefined {
  return object[key] === undefined || object[key] === null ? undefined : readString(object, key, path)
}

export function readBoolean(object: PayloadObject, key: string, path: string, fallback: boolean): boolean {
  const value = object[key]
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'boolean') refuse(`${path}${key}`, 'true or false')
  return value
}

export function readOptionalInteger(object: PayloadObject, key: string, path: string): number | undefined {
  const value = object[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    refuse(`${path}${key}`, 'a positive integer')
  }
  return value
}

export function readArray(object: PayloadObject, key: string, path: string, required: boolean): unknown[] {
  const value = object[key]
  if ((value === undefined || value === null) && !required) return []
  if (!Array.isArray(value) || (required && value.length === 0)) {
    refuse(`${path}${key}`, required ? 'a non-empty array' : 'an array')
  }
  return value
}

export function readStringRecord(
  object: PayloadObject,
  key: string,
  path: string,
): Readonly<Record<string, string>> | undefined {
  const value = object[key]
  if (value === undefined || value === null) return undefined
  const record = readObject(value, `${path}${key}`)
  for (const [name, text] of Object.entries(record)) {
    if (typeof text !== 'string') refuse(`${path}${key}.${name}`, 'a string')
  }
  return record as Readonly<Record<string, string>>
}

/** The case and invoice a delivery belongs to, which the delivery log is listed by. */
export function readSubject(
  payload: PayloadObject,
): Readonly<{ caseId: string | null; invoiceId: string | null }> {
  return {
    caseId: readOptionalString(payload, 'caseId', '') ?? null,
    invoiceId: readOptionalString(payload, 'invoiceId', '') ?? null,
  }
}

/**
 * A document is either inlined (`contentBase64`) or referred to (`documentId`) and loaded at send
 * time, so large PDFs need not sit in the outbox. Returns the loader to call during the attempt.
 */
export function readDocumentSource(
  object: PayloadObject,
  path: string,
  loadDocument: LoadDocument | undefined,
): (organizationId: string) => Promise<Buffer> {
  const documentId = readOptionalString(object, 'documentId', path)
  if (documentId !== undefined) {
    if (!loadDocument) {
      throw new PermanentDeliveryError(
        `payload.${path}documentId is set but this relay has no document store`,
        {
          field: `${path}documentId`,
        },
      )
    }
    return (organizationId) => loadDocument(organizationId, documentId)
  }
  const base64 = readString(object, 'contentBase64', path)
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) refuse(`${path}contentBase64`, 'base64')
  const content = Buffer.from(base64, 'base64')
  return async () => content
}
