// Identifiers and tokens drawn from the pooled random bytes: UUIDv7 in form, strictly increasing
// within one process, never repeated; tokens of the asked length, never repeated, however large.

import { expect, test } from 'vitest'
import { newId, newToken } from '../../src/storage/ids.ts'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

test('ids are UUIDv7, strictly increasing and unique across many pool refills', () => {
  const ids = Array.from({ length: 5000 }, () => newId())
  for (const id of ids) expect(id).toMatch(UUID_V7)
  for (let index = 1; index < ids.length; index += 1)
    expect((ids[index] ?? '') > (ids[index - 1] ?? '')).toBe(true)
  expect(new Set(ids).size).toBe(ids.length)
})

test('tokens have the length asked for and do not repeat, larger than the pool included', () => {
  const tokens = Array.from({ length: 2000 }, () => newToken())
  expect(new Set(tokens).size).toBe(tokens.length)
  for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(24)
  const large = newToken(10_000)
  expect(Buffer.from(large, 'base64url')).toHaveLength(10_000)
  expect(new Set(large.match(/.{1,32}/g)).size).toBeGreaterThan(300)
})
