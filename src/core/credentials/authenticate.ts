// Finds the organization behind a presented credential. The dialects parse their own headers
// and answer in their own error shapes; this decides only whether the secret is right.

import type { CoreContext, Tenant } from '../context.ts'
import { type CredentialKind, type Dialect, lookupKeyOfToken } from './credential-kinds.ts'
import { fingerprint, verifySecret } from './secret-hash.ts'

export type PresentedCredential = Readonly<
  | { kind: 'api-user'; userId: string; key: string }
  | { kind: 'api-key'; key: string }
  | { kind: 'access-token'; token: string }
  | { kind: 'user-password'; email: string; password: string }
>

export type Authenticated = Tenant &
  Readonly<{ credentialId: string; dialect: Dialect; kind: CredentialKind }>

const CACHE_TTL_MS = 60_000
const CACHE_LIMIT = 10_000

type CacheEntry = { authenticated: Authenticated; expiresAtMs: number }

/** Holds recently verified secrets by fingerprint; one per server process. */
export type AuthCache = Map<string, CacheEntry>

export function createAuthCache(): AuthCache {
  return new Map()
}

function split(presented: PresentedCredential): { lookupKey: string; secret: string } {
  switch (presented.kind) {
    case 'api-user':
      return { lookupKey: presented.userId, secret: presented.key }
    case 'api-key':
      return { lookupKey: lookupKeyOfToken(presented.key), secret: presented.key }
    case 'access-token':
      return { lookupKey: lookupKeyOfToken(presented.token), secret: presented.token }
    case 'user-password':
      return { lookupKey: presented.email.trim().toLowerCase(), secret: presented.password }
  }
}

// Verifications under way, per cache: requests that present the same secret meanwhile wait for
// that one scrypt instead of each running their own (a client's burst of requests when its cached
// entry has just expired, or its first burst).
const verifying = new WeakMap<AuthCache, Map<string, Promise<Authenticated | undefined>>>()

/** Returns the tenant, or undefined when no live credential of this dialect matches. */
export async function authenticate(
  context: CoreContext,
  cache: AuthCache,
  dialect: Dialect,
  presented: PresentedCredential,
): Promise<Authenticated | undefined> {
  const { lookupKey, secret } = split(presented)
  const cacheKey = `${dialect}:${presented.kind}:${lookupKey}:${fingerprint(secret)}`
  const cached = cache.get(cacheKey)
  const nowMs = context.clock.now().getTime()
  if (cached && cached.expiresAtMs > nowMs) return cached.authenticated
  let pending = verifying.get(cache)
  if (!pending) {
    pending = new Map()
    verifying.set(cache, pending)
  }
  const running = pending.get(cacheKey)
  if (running) return running
  const verification = verify(context, cache, dialect, presented, cacheKey, nowMs)
  pending.set(cacheKey, verification)
  try {
    return await verification
  } finally {
    pending.delete(cacheKey)
  }
}

async function verify(
  context: CoreContext,
  cache: AuthCache,
  dialect: Dialect,
  presented: PresentedCredential,
  cacheKey: string,
  nowMs: number,
): Promise<Authenticated | undefined> {
  const { lookupKey, secret } = split(presented)
  const candidates = await context.storage.db
    .selectFrom('credentials')
    .select(['organization_id', 'credential_id', 'secret_hash', 'kind'])
    .where('lookup_key', '=', lookupKey)
    .where('dialect', '=', dialect)
    .where('kind', '=', presented.kind)
    .where('revoked_at', 'is', null)
    .execute()
  for (const candidate of candidates) {
    if (!(await verifySecret(secret, candidate.secret_hash))) continue
    const authenticated: Authenticated = {
      organizationId: candidate.organization_id,
      credentialId: candidate.credential_id,
      dialect,
      kind: presented.kind,
    }
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(cacheKey, { authenticated, expiresAtMs: nowMs + CACHE_TTL_MS })
    return authenticated
  }
  return undefined
}
