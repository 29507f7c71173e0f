// Proves Billy's address reference data on both engines: Denmark's regions, towns and postal codes
// are listed and found by id, writes answer 405, and a contact saved with a zipcodeId or cityId
// keeps the id and gets the text forms the PDF prints.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

describeEachEngine('billy states, cities and zipcodes', ({ storage }) => {
  let world: BillyWorld
  beforeAll(async () => {
    world = await createBillyWorld(storage())
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  test('a Danish postal code names its town', async () => {
    const response = await world.client.get('/zipcodes?countryId=DK&zipcode=8000&include=zipcode.city:embed')

    const [zipcode] = response.json().zipcodes
    expect(zipcode).toMatchObject({ id: 'DK-8000', zipcode: '8000', countryId: 'DK' })
    expect(zipcode.city).toMatchObject({ id: 'DK-aarhus-c', name: 'Aarhus C' })
  })

  test('a street-level code of central Copenhagen is found by id though not listed', async () => {
    const listed = await world.client.get('/zipcodes?zipcode=1165')
    const found = await world.client.get('/zipcodes/DK-1165?include=zipcode.city:sideload')

    expect(listed.json().zipcodes).toEqual([])
    expect(found.json().zipcode.cityId).toBe('DK-koebenhavn-k')
    expect(found.json().cities[0].name).toBe('København K')
  })

  test('cities are searched by name and the five regions are states', async () => {
    const cities = await world.client.get('/cities?q=odense&pageSize=100')
    const states = await world.client.get('/states?countryId=DK')

    expect(cities.json().cities.map((city: { name: string }) => city.name)).toContain('Odense C')
    expect(cities.json().meta.paging.total).toBe(9)
    expect(states.json().states.map((state: { id: string }) => state.id)).toEqual([
      'DK-81',
      'DK-82',
      'DK-83',
      'DK-84',
      'DK-85',
    ])
  })

  test('writes to address records answer 405', async () => {
    const response = await world.client.post('/zipcodes', { zipcode: { zipcode: '0001' } })

    expect(response.statusCode).toBe(405)
    expect(response.json().errorCode).toBe('METHOD_NOT_ALLOWED')
  })

  test('a contact saved with a zipcodeId keeps it and gets its town and code as text', async () => {
    const response = await world.client.post('/contacts', {
      contact: { name: 'Aarhus ApS', countryId: 'DK', zipcodeId: 'DK-8000', stateId: 'DK-82' },
    })

    expect(response.statusCode).toBe(200)
    expect(response.json().contacts[0]).toMatchObject({
      zipcodeId: 'DK-8000',
      zipcodeText: '8000',
      cityId: 'DK-aarhus-c',
      cityText: 'Aarhus C',
      stateId: 'DK-82',
      stateText: 'Region Midtjylland',
    })
  })

  test('a text the client sends wins over the one the id stands for, and null clears an id', async () => {
    const created = await world.client.post('/contacts', {
      contact: { name: 'Odense ApS', countryId: 'DK', cityId: 'DK-odense-c', cityText: 'Odense' },
    })
    const id = created.json().contacts[0].id

    const cleared = await world.client.put(`/contacts/${id}`, { contact: { cityId: null } })

    expect(created.json().contacts[0]).toMatchObject({ cityId: 'DK-odense-c', cityText: 'Odense' })
    expect(cleared.json().contacts[0]).toMatchObject({ cityId: null, cityText: 'Odense' })
  })

  test('an unknown address id is 422 naming the property', async () => {
    const response = await world.client.post('/contacts', {
      contact: { name: 'Nowhere ApS', countryId: 'DK', zipcodeId: 'DK-0042' },
    })

    expect(response.statusCode).toBe(422)
    expect(response.json().validationErrors.contact.attributes).toHaveProperty('zipcodeId')
  })
})
