// The one kind of credential each dialect accepts, and how each is split into the part that finds
// the stored row (sent in clear) and the part that is only ever compared against its hash.

import { randomBytes } from 'node:crypto'

export type Dialect = 'billogram' | 'billomat' | 'billy'
export const DIALECTS: readonly Dialect[] = ['billogram', 'billomat', 'billy']

export type CredentialKind = 'api-user' | 'api-key' | 'access-token' | 'user-password'

export function isDialect(value: unknown): value is Dialect {
  return typeof value === 'string' && (DIALECTS as readonly string[]).includes(value)
}

export type IssuedSecret = Readonly<{ lookupKey: string; secret: string; shown: Record<string, string> }>

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

/**
 * Billogram: an API user id shaped like the vendor's (`1234-AbCdEfGh`) and a 32-hex key.
 * Billomat and Billy: one opaque 40-hex string whose first 8 characters find the row, so a
 * client that only knows "the key" or "the token" still works unchanged.
 */
export function issueSecret(kind: Exclude<CredentialKind, 'user-password'>): IssuedSecret {
  if (kind === 'api-user') {
    const digits = String((randomBytes(2).readUInt16BE(0) % 9000) + 1000)
    const letters = randomBytes(8)
      .toString('base64')
      .replace(/[^A-Za-z]/g, 'x')
      .slice(0, 8)
    const userId = `${digits}-${letters}`
    const key = hex(16)
    return { lookupKey: userId, secret: key, shown: { apiUser: userId, apiKey: key } }
  }
  const token = hex(20)
  const name = kind === 'api-key' ? 'apiKey' : 'accessToken'
  return { lookupKey: token.slice(0, 8), secret: token, shown: { [name]: token } }
}

export function lookupKeyOfToken(token: string): string {
  return token.slice(0, 8)
}

export function kindFor(dialect: Dialect): CredentialKind {
  return dialect === 'billogram' ? 'api-user' : dialect === 'billomat' ? 'api-key' : 'access-token'
}
