// Proves on both engines that bad input never gets a 500 from any Billy resource: every operation
// of every resource, fed empty, wrongly typed and unknown input, answers in Billy's envelope with
// a 4xx status, and nothing is left half-written (the trial balance stays zero).

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import type { PropertyDef, ResourceDef } from '../../../src/dialects/billy/engine/resource.ts'
import { BILLY_REGISTRY } from '../../../src/dialects/billy/resources/registry.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

/** Ids of records that exist, by resource, so nonsense also travels with real relations. */
const REAL_IDS = new Map<string, string>()

const GARBAGE: readonly unknown[] = [null, 'x', 12, -1, true, [], {}, [{}], '2024-13-45', 1e308]

/** A value of the property's own type that makes no sense: unknown ids, huge or negative amounts. */
function nonsenseOf(property: PropertyDef, variant: number): unknown {
  switch (property.type) {
    case 'string':
      return variant === 0 ? '' : 'z'.repeat(300)
    case 'integer':
      return variant === 0 ? -5 : 999_999_999
    case 'float':
      return variant === 0 ? -99999999.99 : 0.001
    case 'boolean':
      return variant === 0
    case 'date':
      return variant === 0 ? '1900-01-01' : '2999-12-31'
    case 'datetime':
      return '2024-01-01T00:00:00'
    case 'enum':
      return property.values?.[variant % (property.values?.length ?? 1)] ?? null
    case 'id':
      return variant === 0 ? 'no-such-id' : (REAL_IDS.get(property.resource ?? '') ?? 'DK')
    case 'reference':
      return variant === 0 ? 'invoice:no-such-id' : 'bill:no-such-id'
    case 'strings':
      return []
  }
}

function nonsenseRecord(def: ResourceDef, variant: number): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (const [name, property] of Object.entries(def.properties))
    if (property.access !== 'readonly') record[name] = nonsenseOf(property, variant)
  for (const [name, relation] of Object.entries(def.hasMany ?? {}))
    if (relation.save !== 'readonly')
      record[name] = [nonsenseRecord(BILLY_REGISTRY.def(relation.resource), variant)]
  return record
}

function garbageRecord(properties: readonly string[], pick: number): Record<string, unknown> {
  return Object.fromEntries(properties.map((name, index) => [name, GARBAGE[(index + pick) % GARBAGE.length]]))
}

describeEachEngine('billy robustness', ({ storage }) => {
  let world: BillyWorld
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const contact = await world.client.post('/contacts', { contact: { name: 'Real ApS', countryId: 'DK' } })
    const product = await world.client.post('/products', {
      product: { name: 'Real', prices: [{ unitPrice: 10, currencyId: 'DKK' }] },
    })
    const bank = (await world.client.get('/accounts?accountNo=5710')).json().accounts[0]
    REAL_IDS.set('contact', contact.json().contacts[0].id)
    REAL_IDS.set('product', product.json().products[0].id)
    REAL_IDS.set('account', bank.id)
    REAL_IDS.set('currency', 'DKK')
    REAL_IDS.set('country', 'DK')
    REAL_IDS.set('taxRate', 'sales-25')
    REAL_IDS.set('salesTaxRuleset', 'ruleset-25')
    REAL_IDS.set('salesTaxReturn', '2026-Q4')
    REAL_IDS.set('state', 'DK-84')
    REAL_IDS.set('city', 'DK-aarhus-c')
    REAL_IDS.set('zipcode', 'DK-8000')
    const person = await world.client.post('/contactPersons', {
      contactPerson: { contactId: REAL_IDS.get('contact'), name: 'Real Person', email: 'real@example.dk' },
    })
    REAL_IDS.set('contactPerson', person.json().contactPersons[0].id)
    const invoice = await world.client.post('/invoices', {
      invoice: {
        contactId: REAL_IDS.get('contact'),
        entryDate: '2024-01-02',
        state: 'approved',
        lines: [{ productId: REAL_IDS.get('product') }],
      },
    })
    REAL_IDS.set('invoice', invoice.json().invoices[0].id)
    const daybook = await world.client.post('/daybooks', { daybook: { name: 'Real' } })
    REAL_IDS.set('daybook', daybook.json().daybooks[0].id)
    const match = await world.client.post('/bankLineMatches', { bankLineMatch: { accountId: bank.id } })
    REAL_IDS.set('bankLineMatch', match.json().bankLineMatches[0].id)
    const file = await world.app.inject({
      method: 'POST',
      url: '/billy/v2/files',
      headers: { 'x-access-token': world.token, 'content-type': 'text/plain', 'x-filename': 'real.txt' },
      payload: 'real',
    })
    REAL_IDS.set('file', file.json().files[0].id)
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  test('no resource answers 500 to empty, mistyped or unknown input', async () => {
    const failures: string[] = []
    for (const { def } of BILLY_REGISTRY.all) {
      const names = [...Object.keys(def.properties), ...Object.keys(def.hasMany ?? {})]
      const attempts: [string, string, unknown][] = [
        [
          'GET',
          `/${def.plural}?page=0&pageSize=abc&sortProperty=nope&include=${def.singular}.nothing:embed`,
          undefined,
        ],
        ['GET', `/${def.plural}/no-such-id`, undefined],
        ['POST', `/${def.plural}`, {}],
        ['POST', `/${def.plural}`, { [def.singular]: 'not an object' }],
        ['PUT', `/${def.plural}/no-such-id`, { [def.singular]: {} }],
        ['PATCH', `/${def.plural}`, { [def.plural]: [{ id: 'no-such-id' }] }],
        ['DELETE', `/${def.plural}/no-such-id`, undefined],
      ]
      for (let pick = 0; pick < 4; pick += 1)
        attempts.push(['POST', `/${def.plural}`, { [def.singular]: garbageRecord(names, pick) }])
      for (const [method, url, body] of attempts) {
        const response = await world.client.request(method, url, body)
        if (response.statusCode >= 500 || response.json().meta?.success === undefined)
          failures.push(
            `${method} ${url} ${JSON.stringify(body).slice(0, 120)} -> ${response.statusCode} ${response.body.slice(0, 200)}`,
          )
      }
    }

    expect(failures).toEqual([])
  })

  test('type-correct nonsense reaches the core and is refused there with a 4xx, never a 500', async () => {
    const failures: string[] = []
    for (const { def } of BILLY_REGISTRY.all) {
      for (const variant of [0, 1]) {
        const body = { [def.singular]: nonsenseRecord(def, variant) }
        const response = await world.client.post(`/${def.plural}`, body)
        if (response.statusCode >= 500)
          failures.push(`POST /${def.plural} -> ${response.statusCode} ${response.body.slice(0, 300)}`)
      }
    }

    expect(failures).toEqual([])
  })

  test('type-correct nonsense sent to real records of every updatable resource is a 4xx, never a 500', async () => {
    const failures: string[] = []
    for (const { def } of BILLY_REGISTRY.all) {
      const id = REAL_IDS.get(def.singular)
      if (!id || !def.operations.includes('update')) continue
      for (const variant of [0, 1]) {
        const response = await world.client.put(`/${def.plural}/${id}`, {
          [def.singular]: nonsenseRecord(def, variant),
        })
        if (response.statusCode >= 500)
          failures.push(`PUT /${def.plural}/${id} -> ${response.statusCode} ${response.body.slice(0, 300)}`)
      }
    }

    expect(failures).toEqual([])
  })

  test('a body that is not JSON is a 400 in Billy’s envelope', async () => {
    const response = await world.client.request('POST', '/contacts', undefined, {
      'content-type': 'application/json',
    })
    const broken = await world.app.inject({
      method: 'POST',
      url: '/billy/v2/contacts',
      headers: { 'x-access-token': world.token, 'content-type': 'application/json' },
      payload: '{"contact": ',
    })

    expect(response.statusCode).toBe(400)
    expect(broken.statusCode).toBe(400)
    expect(broken.json().meta).toEqual({ statusCode: 400, success: false })
  })
})
