// Secrets are stored as scrypt hashes and compared in constant time. Hashing is deliberately slow,
// so a verified secret is remembered (by its SHA-256, never in clear) for a short while: one
// scrypt per client per minute instead of one per request.

import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const KEY_LENGTH = 32
const COST = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const

function derive(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LENGTH, COST, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** Encoded as `scrypt$N$r$p$salt$hash` so the parameters can change without a migration. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(secret, salt)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifySecret(secret: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = encoded.split('$')
  if (scheme !== 'scrypt' || !saltText || !hashText) return false
  const expected = Buffer.from(hashText, 'base64')
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem }
  const actual = await new Promise<Buffer>((resolve, reject) => {
    scrypt(secret, Buffer.from(saltText, 'base64'), expected.length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url')
}
