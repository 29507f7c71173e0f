// Credentials verified once per burst: requests that present the same secret while it is being
// verified share that verification (one scrypt), whether the secret is right or wrong, and the
// answer is then cached.

import { expect, test } from 'vitest'
import { authenticate, createAuthCache } from '../../src/core/credentials/authenticate.ts'
import { createCredential } from '../../src/core/credentials/create-credential.ts'
import { createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

describeEachEngine('authenticate', ({ storage }) => {
  test('concurrent requests with one secret share one verification, right or wrong', async () => {
    const world = await createWorld(storage())
    const { secrets } = await createCredential(world.core, {
      organizationId: world.tenant.organizationId,
      dialect: 'billogram',
    })
    const cache = createAuthCache()
    const present = (key: string) =>
      authenticate(world.core, cache, 'billogram', { kind: 'api-user', userId: secrets.apiUser ?? '', key })

    const burst = await Promise.all(Array.from({ length: 8 }, () => present(secrets.apiKey ?? '')))
    const wrong = await Promise.all(Array.from({ length: 4 }, () => present('not the key')))
    const later = await present(secrets.apiKey ?? '')

    expect(burst[0]?.organizationId).toBe(world.tenant.organizationId)
    // One verification answered them all: the very same answer, not eight equal ones.
    for (const answer of burst) expect(answer).toBe(burst[0])
    expect(wrong).toEqual([undefined, undefined, undefined, undefined])
    expect(later).toBe(burst[0])
  })
})
