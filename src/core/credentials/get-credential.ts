// Describes the credential a request came with, never its secret: what a dialect shows as the
// API's "current user" (Billy's GET /v2/user).

import { notFound } from '../../domain/errors.ts'
import type { CoreContext, Tenant } from '../context.ts'
import type { CredentialKind, Dialect } from './credential-kinds.ts'

export type CredentialInfo = Readonly<{
  credentialId: string
  organizationId: string
  dialect: Dialect
  kind: CredentialKind
  label: string | null
  /** The user's email for email-and-password credentials. */
  email: string | null
  createdAt: string
}>

export async function getCredential(
  context: CoreContext,
  tenant: Tenant,
  credentialId: string,
): Promise<CredentialInfo> {
  const row = await context.storage.db
    .selectFrom('credentials')
    .select(['credential_id', 'organization_id', 'dialect', 'kind', 'label', 'lookup_key', 'created_at'])
    .where('organization_id', '=', tenant.organizationId)
    .where('credential_id', '=', credentialId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw notFound('credential', credentialId)
  return {
    credentialId: row.credential_id,
    organizationId: row.organization_id,
    dialect: row.dialect as Dialect,
    kind: row.kind as CredentialKind,
    label: row.label,
    email: row.kind === 'user-password' ? row.lookup_key : null,
    createdAt: row.created_at,
  }
}
