// Issues a credential for one dialect of one organization. The secret is returned once, here,
// and only its scrypt hash is stored.

import { DomainError, invalidField } from '../../domain/errors.ts'
import { newId } from '../../storage/ids.ts'
import { type CoreContext, nowIso } from '../context.ts'
import { type CredentialKind, type Dialect, isDialect, issueSecret, kindFor } from './credential-kinds.ts'
import { hashSecret } from './secret-hash.ts'

export type CreateCredentialInput = Readonly<{
  organizationId: string
  dialect: Dialect
  /** Billy only: a user email and password for Basic auth instead of an access token. */
  userPassword?: Readonly<{ email: string; password: string }>
  label?: string
}>

export type CreatedCredential = Readonly<{
  credentialId: string
  organizationId: string
  dialect: Dialect
  kind: CredentialKind
  /** Shown once: the values a client must be configured with. */
  secrets: Readonly<Record<string, string>>
}>

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export async function createCredential(
  context: CoreContext,
  input: CreateCredentialInput,
): Promise<CreatedCredential> {
  if (!isDialect(input.dialect)) throw invalidField('dialect', 'dialect must be billogram, billomat or billy')
  const organization = await context.storage.db
    .selectFrom('organizations')
    .select(['organization_id', 'settings'])
    .where('organization_id', '=', input.organizationId)
    .executeTakeFirst()
  if (!organization)
    throw new DomainError('not_found', `organization ${input.organizationId} does not exist`, {
      field: 'organization',
    })

  let kind = kindFor(input.dialect)
  let lookupKey: string
  let secret: string
  let secrets: Record<string, string>
  if (input.userPassword) {
    if (input.dialect !== 'billy')
      throw invalidField('userPassword', 'only Billy accepts a user email and password')
    const email = input.userPassword.email.trim().toLowerCase()
    if (!EMAIL.test(email)) throw invalidField('email', 'email must be an email address')
    if (input.userPassword.password.length < 8)
      throw invalidField('password', 'password must have at least 8 characters')
    kind = 'user-password'
    lookupKey = email
    secret = input.userPassword.password
    secrets = { email }
  } else {
    const issued = issueSecret(kind as Exclude<CredentialKind, 'user-password'>)
    lookupKey = issued.lookupKey
    secret = issued.secret
    secrets = { ...issued.shown }
  }
  if (input.dialect === 'billomat') {
    secrets.billomatId = String(
      (JSON.parse(organization.settings) as { billomatId?: string }).billomatId ?? '',
    )
  }

  const credentialId = newId()
  await context.storage.db
    .insertInto('credentials')
    .values({
      organization_id: input.organizationId,
      credential_id: credentialId,
      dialect: input.dialect,
      kind,
      lookup_key: lookupKey,
      secret_hash: await hashSecret(secret),
      label: input.label ?? null,
      created_at: nowIso(context),
      revoked_at: null,
    })
    .execute()
  return { credentialId, organizationId: input.organizationId, dialect: input.dialect, kind, secrets }
}
