// Proves Swedish personal and organisation numbers are told apart and checked by their Luhn digit and date.

import { expect, test } from 'vitest'
import { parseSwedishIdentityNumber } from './swedish-identity-number.ts'

test.each([
  ['811218-9876', 'personal'],
  ['19811218-9876', 'personal'],
  ['121212-1212', 'personal'],
  ['701063-2391', 'personal'],
  ['556036-0793', 'organisation'],
  ['5560360793', 'organisation'],
  ['16556036-0793', 'organisation'],
  ['802006-1233', 'organisation'],
])('%s is a valid %s number', (text, kind) => {
  const parsed = parseSwedishIdentityNumber(text)

  expect(parsed?.kind).toBe(kind)
})

test.each([
  ['811218-9875', 'a wrong check digit'],
  ['811318-9871', 'a thirteenth month'],
  ['810230-9877', 'the thirtieth of February'],
  ['12345', 'too few digits'],
  ['81121a-9876', 'a letter'],
  ['19556036-0793', 'a century before an organisation number'],
])('%s is refused for %s', (text) => {
  const parsed = parseSwedishIdentityNumber(text)

  expect(parsed).toBeUndefined()
})
