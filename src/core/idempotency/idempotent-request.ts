// Idempotency keys on top of every dialect (beyond the vendors): the first request with a key is
// processed and its response stored; a retry with the same key and the same body gets that stored
// response again; the same key with another body, or while the first is still running, is refused.

import { createHash } from 'node:crypto'
import { DomainError, invalidField } from '../../domain/errors.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { nowIso } from '../context.ts'

export type StoredResponse = Readonly<{
  status: number
  headers: Readonly<Record<string, string>>
  body: string
}>

export type IdempotencyClaim = Readonly<{ kind: 'new' } | { kind: 'replay'; response: StoredResponse }>

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/

export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash('sha256').update(`${method}\n${path}\n${body}`).digest('base64url')
}

/** Claims the key for this request, or returns the response stored for it. */
export async function claimIdempotencyKey(
  context: CoreContext,
  tenant: Tenant,
  input: { scope: string; key: string; fingerprint: string },
): Promise<IdempotencyClaim> {
  if (!KEY_SHAPE.test(input.key))
    throw invalidField('Idempotency-Key', 'Idempotency-Key must be 1 to 255 visible ASCII characters')
  const inserted = await context.storage.db
    .insertInto('idempotency_keys')
    .values({
      organization_id: tenant.organizationId,
      scope: input.scope,
      idempotency_key: input.key,
      request_hash: input.fingerprint,
      response_status: null,
      response_headers: null,
      response_body: null,
      created_at: nowIso(context),
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'scope', 'idempotency_key']).doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return { kind: 'new' }
  const row = await context.storage.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('organization_id', '=', tenant.organizationId)
    .where('scope', '=', input.scope)
    .where('idempotency_key', '=', input.key)
    .executeTakeFirstOrThrow()
  if (row.request_hash !== input.fingerprint) {
    throw new DomainError('idempotency_mismatch', 'this Idempotency-Key was used with another request', {
      field: 'Idempotency-Key',
    })
  }
  if (row.response_status === null) {
    throw new DomainError('conflict', 'a request with this Idempotency-Key is still being processed', {
      field: 'Idempotency-Key',
    })
  }
  return {
    kind: 'replay',
    response: {
      status: row.response_status,
      headers: JSON.parse(row.response_headers ?? '{}') as Record<string, string>,
      body: row.response_body ?? '',
    },
  }
}

/** Stores the response of a claimed key; a failed request releases the key so it can be retried. */
export async function settleIdempotencyKey(
  context: CoreContext,
  tenant: Tenant,
  input: { scope: string; key: string; response: StoredResponse },
): Promise<void> {
  const where = context.storage.db
  if (input.response.status >= 500) {
    await where
      .deleteFrom('idempotency_keys')
      .where('organization_id', '=', tenant.organizationId)
      .where('scope', '=', input.scope)
      .where('idempotency_key', '=', input.key)
      .execute()
    return
  }
  await where
    .updateTable('idempotency_keys')
    .set({
      response_status: input.response.status,
      response_headers: JSON.stringify(input.response.headers),
      response_body: input.response.body,
    })
    .where('organization_id', '=', tenant.organizationId)
    .where('scope', '=', input.scope)
    .where('idempotency_key', '=', input.key)
    .execute()
}
