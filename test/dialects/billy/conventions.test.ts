// Proves Billy's resource conventions through HTTP on both engines: root keys, write responses
// carrying every changed record, deletedRecords, idempotent DELETE, includes, atomic embedded and
// bulk saves, paging, filters, sorting, _clientId, validation errors, readonly and immutable rules.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

describeEachEngine('billy conventions', ({ storage }) => {
  let world: BillyWorld
  let productId: string
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const product = await world.client.post('/products', {
      product: { name: 'Pens', prices: [{ unitPrice: 200, currencyId: 'DKK' }] },
    })
    productId = product.json().products[0].id
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  async function contactNamed(name: string, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await world.client.post('/contacts', { contact: { name, countryId: 'DK', ...extra } })
    expect(response.statusCode).toBe(200)
    return response.json().contacts[0].id
  }

  async function countContacts(name: string): Promise<number> {
    const response = await world.client.get(`/contacts?q=${encodeURIComponent(name)}`)
    return response.json().meta.paging.total
  }

  describe('root keys and write responses', () => {
    test('one record comes under its singular key, a list under its plural key with meta', async () => {
      const id = await contactNamed('Root Key ApS')

      const one = await world.client.get(`/contacts/${id}`)
      const list = await world.client.get('/contacts')

      expect(one.json().contact.id).toBe(id)
      expect(one.json().meta).toMatchObject({ statusCode: 200, success: true })
      expect(list.json().contacts.some((contact: { id: string }) => contact.id === id)).toBe(true)
      expect(list.json().meta.paging).toMatchObject({ page: 1, pageSize: 1000 })
    })

    test('a create answers every record it changed under plural keys, echoing _clientId', async () => {
      const response = await world.client.post('/products', {
        product: {
          name: 'Bat capes',
          _clientId: 'p1',
          prices: [
            { unitPrice: 14000, currencyId: 'USD', _clientId: 'usd' },
            { unitPrice: 10000, currencyId: 'EUR', _clientId: 'eur' },
          ],
        },
      })

      const body = response.json()
      expect(response.statusCode).toBe(200)
      expect(body.products).toHaveLength(1)
      expect(body.products[0]._clientId).toBe('p1')
      expect(
        body.productPrices.map((price: { _clientId: string; unitPrice: number }) => [
          price._clientId,
          price.unitPrice,
        ]),
      ).toEqual([
        ['eur', 10000],
        ['usd', 14000],
      ])
    })

    test('adding an invoice line answers the line and the invoice whose amount it changed', async () => {
      const contactId = await contactNamed('Lines ApS')
      const draft = await world.client.post('/invoices', {
        invoice: { contactId, entryDate: '2024-05-01', lines: [{ productId, unitPrice: 100 }] },
      })
      const invoiceId = draft.json().invoices[0].id

      const response = await world.client.post('/invoiceLines', {
        invoiceLine: { invoiceId, productId, unitPrice: 50, quantity: 2, _clientId: 7 },
      })

      const body = response.json()
      expect(body.invoices[0].amount).toBe(200)
      expect(body.invoiceLines).toHaveLength(2)
      expect(body.invoiceLines.find((line: { _clientId?: number }) => line._clientId === 7).amount).toBe(100)
    })
  })

  describe('delete', () => {
    test('a delete lists what it removed in meta.deletedRecords, and deleting again is 200 with none', async () => {
      const id = await contactNamed('Deleted ApS', { contactPersons: [{ name: 'Ane' }] })

      const first = await world.client.delete(`/contacts/${id}`)
      const again = await world.client.delete(`/contacts/${id}`)

      expect(first.statusCode).toBe(200)
      expect(first.json().meta.deletedRecords.contacts).toEqual([id])
      expect(again.statusCode).toBe(200)
      expect(again.json().meta.deletedRecords).toBeUndefined()
    })

    test('bulk delete takes ids[] and ignores unknown ids', async () => {
      const a = await contactNamed('Bulk A')
      const b = await contactNamed('Bulk B')

      const response = await world.client.delete(`/contacts?ids[]=${a}&ids[]=${b}&ids[]=no-such-id`)

      expect(response.statusCode).toBe(200)
      expect([...response.json().meta.deletedRecords.contacts].sort()).toEqual([a, b].sort())
    })

    test('bulk delete without ids[], with a bare ids, or with a body is 400 INVALID_DELETE_ID_ARRAY', async () => {
      const none = await world.client.delete('/contacts')
      const bare = await world.client.delete('/contacts?ids=abc')
      const withBody = await world.client.request('DELETE', '/contacts?ids[]=abc', { ids: ['abc'] })

      for (const response of [none, bare, withBody]) {
        expect(response.statusCode).toBe(400)
        expect(response.json().errorCode).toBe('INVALID_DELETE_ID_ARRAY')
      }
    })
  })

  describe('includes', () => {
    test('belongs-to and has-many relations are sideloaded or embedded, nested by resource name', async () => {
      const contactId = await contactNamed('Include ApS', {
        contactPersons: [{ name: 'Bo', email: 'bo@include.dk' }],
      })
      await world.client.post('/invoices', {
        invoice: {
          contactId,
          entryDate: '2024-05-02',
          lines: [
            { productId, unitPrice: 10 },
            { productId, unitPrice: 20 },
          ],
        },
      })

      const response = await world.client.get(
        `/invoices?contactId=${contactId}&include=invoice.lines:embed,invoice.contact:sideload,contact.country:embed,contact.contactPersons`,
      )

      const body = response.json()
      expect(body.invoices[0].lines.map((line: { unitPrice: number }) => line.unitPrice)).toEqual([10, 20])
      expect(body.invoices[0].contactId).toBe(contactId)
      expect(body.contacts).toHaveLength(1)
      expect(body.contacts[0].country).toMatchObject({ id: 'DK', name: 'Denmark' })
      expect(body.contacts[0].contactPersonIds).toHaveLength(1)
      expect(body.contactPersons[0].email).toBe('bo@include.dk')
    })

    test('an embedded belongs-to puts the whole record under the relation name', async () => {
      const contactId = await contactNamed('Embed ApS')

      const response = await world.client.get(
        `/contacts/${contactId}?include=contact.country:embed,country.locale:embed`,
      )

      expect(response.json().contact.country.locale).toMatchObject({ id: 'da_DK' })
    })
  })

  describe('embedded saves', () => {
    test('a contact saved with an invalid second person leaves nothing written', async () => {
      const response = await world.client.post('/contacts', {
        contact: {
          name: 'Half Way ApS',
          countryId: 'DK',
          contactPersons: [{ name: 'Fine' }, { email: 'not an address', _clientId: 'bad' }],
        },
      })

      expect(response.statusCode).toBe(422)
      expect(response.json().validationErrors.bad.attributes).toHaveProperty('email')
      expect(await countContacts('Half Way ApS')).toBe(0)
    })

    test('an invoice with a line for an unknown product leaves no draft behind', async () => {
      const contactId = await contactNamed('No Draft ApS')

      const response = await world.client.post('/invoices', {
        invoice: {
          contactId,
          lines: [
            { productId, unitPrice: 1 },
            { productId: 'no-such-product', unitPrice: 1, _clientId: 'l2' },
          ],
        },
      })
      const drafts = await world.client.get(`/invoices?contactId=${contactId}`)

      expect(response.statusCode).toBe(422)
      expect(response.json().validationErrors.l2.attributes).toHaveProperty('productId')
      expect(drafts.json().invoices).toEqual([])
    })

    test('saving contactPersons replaces the contact’s persons and reports the removed ones', async () => {
      const contactId = await contactNamed('Replace ApS', { contactPersons: [{ name: 'Old' }] })
      const before = await world.client.get(`/contactPersons?contactId=${contactId}`)

      const response = await world.client.put(`/contacts/${contactId}`, {
        contact: { contactPersons: [{ name: 'New', _clientId: 'n' }] },
      })

      const after = await world.client.get(`/contactPersons?contactId=${contactId}`)
      expect(response.json().meta.deletedRecords.contactPersons).toEqual([before.json().contactPersons[0].id])
      expect(response.json().contactPersons[0]._clientId).toBe('n')
      expect(after.json().contactPersons.map((person: { name: string }) => person.name)).toEqual(['New'])
    })
    test('saving a product’s prices replaces them and reports the removed ones', async () => {
      const created = await world.client.post('/products', {
        product: { name: 'Prices replaced', prices: [{ unitPrice: 5, currencyId: 'DKK' }] },
      })
      const id = created.json().products[0].id
      const oldPriceId = created.json().productPrices[0].id

      const response = await world.client.put(`/products/${id}`, {
        product: {
          prices: [{ unitPrice: 7, currencyId: 'EUR', _clientId: 'e' }],
        },
      })
      const read = await world.client.get(`/productPrices?productId=${id}`)

      expect(response.json().meta.deletedRecords.productPrices).toEqual([oldPriceId])
      expect(
        response.json().productPrices.find((p: { _clientId?: string }) => p._clientId === 'e'),
      ).toMatchObject({
        unitPrice: 7,
        currencyId: 'EUR',
      })
      expect(
        read
          .json()
          .productPrices.map((p: { currencyId: string; unitPrice: number }) => [p.currencyId, p.unitPrice])
          .sort(),
      ).toEqual([['EUR', 7]])
    })

    test('saving a draft’s lines replaces them; a replacement failing on its second line keeps the old', async () => {
      const contactId = await contactNamed('Lines ApS')
      const created = await world.client.post('/invoices', {
        invoice: { contactId, lines: [{ productId, unitPrice: 10 }] },
      })
      const id = created.json().invoices[0].id
      const oldLineId = created.json().invoiceLines[0].id

      const failed = await world.client.put(`/invoices/${id}`, {
        invoice: {
          lines: [
            { productId, unitPrice: 30 },
            { productId: 'no-such-product', unitPrice: 1, _clientId: 'bad' },
          ],
        },
      })
      const afterFailure = await world.client.get(`/invoices/${id}?include=invoice.lines:embed`)
      const replaced = await world.client.put(`/invoices/${id}`, {
        invoice: { lines: [{ productId, unitPrice: 40, _clientId: 'n' }] },
      })
      const afterReplace = await world.client.get(`/invoiceLines?invoiceId=${id}`)

      expect(failed.statusCode).toBe(422)
      expect(failed.json().validationErrors.bad.attributes).toHaveProperty('productId')
      expect(afterFailure.json().invoice.lines.map((line: { id: string }) => line.id)).toEqual([oldLineId])
      expect(afterFailure.json().invoice.amount).toBe(10)
      expect(replaced.statusCode).toBe(200)
      expect(replaced.json().meta.deletedRecords.invoiceLines).toEqual([oldLineId])
      expect(replaced.json().invoices[0].amount).toBe(40)
      expect(afterReplace.json().invoiceLines.map((line: { unitPrice: number }) => line.unitPrice)).toEqual([
        40,
      ])
    })
  })

  describe('bulk save', () => {
    test('PATCH creates and updates several records in one request', async () => {
      const existing = await contactNamed('Patch Old ApS')

      const response = await world.client.patch('/contacts', {
        contacts: [
          { _clientId: 1, name: 'Patch New ApS', countryId: 'DK' },
          { _clientId: 2, id: existing, phone: '12345678' },
        ],
      })

      const body = response.json()
      expect(response.statusCode).toBe(200)
      expect(body.contacts.map((contact: { _clientId: number }) => contact._clientId).sort()).toEqual([1, 2])
      expect(body.contacts.find((contact: { id: string }) => contact.id === existing).phone).toBe('12345678')
    })

    test('PATCH is atomic: one bad record keyed by its _clientId, and nothing written', async () => {
      const response = await world.client.patch('/contacts', {
        contacts: [
          { _clientId: 'good', name: 'Patch Atomic ApS', countryId: 'DK' },
          { _clientId: 'worse', name: 'Patch Atomic Two', countryId: 'ZZ' },
        ],
      })

      expect(response.statusCode).toBe(422)
      expect(response.json().validationErrors.worse.attributes).toHaveProperty('countryId')
      expect(await countContacts('Patch Atomic')).toBe(0)
    })
  })

  describe('paging, filtering and sorting', () => {
    beforeAll(async () => {
      for (const name of ['Page C', 'Page A', 'Page E', 'Page B', 'Page D'])
        await contactNamed(name, { isSupplier: name === 'Page B' })
    })

    test('page and pageSize page the list and meta.paging links the pages', async () => {
      const response = await world.client.get('/contacts?q=Page&page=2&pageSize=2&sortProperty=name&foo=bar')

      const { meta, contacts } = response.json()
      expect(contacts.map((contact: { name: string }) => contact.name)).toEqual(['Page C', 'Page D'])
      expect(meta.paging).toMatchObject({ page: 2, pageCount: 3, pageSize: 2, total: 5 })
      expect(meta.paging.firstUrl).toMatch(/\/billy\/v2\/contacts\?.*q=Page.*pageSize=2$/)
      expect(meta.paging.firstUrl).not.toContain('page=')
      expect(meta.paging.previousUrl).toBe(meta.paging.firstUrl)
      expect(meta.paging.nextUrl).toContain('page=3')
      expect(meta.paging.lastUrl).toContain('page=3')
    })

    test('offset pages as Billy’s own client asks', async () => {
      const response = await world.client.get('/contacts?q=Page&offset=4&pageSize=2&sortProperty=name')

      expect(response.json().contacts.map((contact: { name: string }) => contact.name)).toEqual(['Page E'])
    })

    test('sortDirection DESC and the .NET client’s sortOrder both reverse the order', async () => {
      const desc = await world.client.get('/contacts?q=Page&sortProperty=name&sortDirection=DESC&pageSize=2')
      const order = await world.client.get('/contacts?q=Page&sortProperty=name&sortOrder=DESC&pageSize=2')

      expect(desc.json().contacts.map((contact: { name: string }) => contact.name)).toEqual([
        'Page E',
        'Page D',
      ])
      expect(order.json().contacts.map((contact: { name: string }) => contact.name)).toEqual([
        'Page E',
        'Page D',
      ])
    })

    test('a filter by property narrows the list; unknown parameters are ignored', async () => {
      const response = await world.client.get('/contacts?q=Page&isSupplier=true&unknownThing=1')

      expect(response.json().contacts.map((contact: { name: string }) => contact.name)).toEqual(['Page B'])
    })

    test('pageSize above 1000 and an unknown sortProperty are refused naming the parameter', async () => {
      const big = await world.client.get('/contacts?pageSize=1001')
      const sort = await world.client.get('/contacts?sortProperty=shoeSize')

      expect(big.statusCode).toBe(422)
      expect(big.json().validationErrors.contacts.attributes).toHaveProperty('pageSize')
      expect(sort.statusCode).toBe(422)
      expect(sort.json().validationErrors.contacts.attributes).toHaveProperty('sortProperty')
    })

    test('an organizationId other than the token’s lists nothing', async () => {
      const response = await world.client.get('/contacts?organizationId=someone-else')

      expect(response.json().contacts).toEqual([])
    })
  })

  describe('validation, readonly and immutable', () => {
    test('a missing required property is 422 keyed by the root key', async () => {
      const response = await world.client.post('/contacts', { contact: { countryId: 'DK' } })

      expect(response.statusCode).toBe(422)
      expect(response.json()).toMatchObject({
        meta: { statusCode: 422, success: false },
        errorCode: 'VALIDATION_ERROR',
        validationErrors: { contact: { attributes: { name: expect.any(String) } } },
      })
    })

    test('a readonly property is refused when changed but accepted when sent back unchanged', async () => {
      const id = await contactNamed('Readonly ApS')
      const current = (await world.client.get(`/contacts/${id}`)).json().contact

      const same = await world.client.put(`/contacts/${id}`, { contact: { ...current, phone: '87654321' } })
      const changed = await world.client.put(`/contacts/${id}`, {
        contact: { createdTime: '2001-01-01T00:00:00' },
      })

      expect(same.statusCode).toBe(200)
      expect(changed.statusCode).toBe(422)
      expect(changed.json().validationErrors.contact.attributes).toHaveProperty('createdTime')
    })

    test('an immutable property cannot change after create', async () => {
      const contactId = await contactNamed('Immutable ApS')
      const other = await contactNamed('Other ApS')
      const draft = await world.client.post('/invoices', { invoice: { contactId, lines: [{ productId }] } })

      const response = await world.client.put(`/invoices/${draft.json().invoices[0].id}`, {
        invoice: { contactId: other },
      })

      expect(response.statusCode).toBe(422)
      expect(response.json().validationErrors.invoice.attributes).toHaveProperty('contactId')
    })

    test('an unknown property and a wrongly typed one are refused naming them', async () => {
      const unknown = await world.client.post('/contacts', {
        contact: { name: 'X', countryId: 'DK', shoeSize: 44 },
      })
      const typed = await world.client.post('/contacts', {
        contact: { name: 'X', countryId: 'DK', isCustomer: 'yes' },
      })

      expect(unknown.json().validationErrors.contact.attributes).toHaveProperty('shoeSize')
      expect(typed.json().validationErrors.contact.attributes).toHaveProperty('isCustomer')
    })
  })

  describe('envelope, authentication and 405', () => {
    test('no token is 401 AUTHENTICATION_REQUIRED and a wrong one OAUTH_INVALID_ACCESS_TOKEN', async () => {
      const none = await world.app.inject('/billy/v2/contacts')
      const wrong = await world.app.inject({
        url: '/billy/v2/whatever',
        headers: { 'x-access-token': 'nope' },
      })

      expect(none.statusCode).toBe(401)
      expect(none.json()).toMatchObject({
        meta: { statusCode: 401, success: false },
        errorCode: 'AUTHENTICATION_REQUIRED',
      })
      expect(wrong.json().errorCode).toBe('OAUTH_INVALID_ACCESS_TOKEN')
    })

    test('an unknown route is 404 UNKNOWN_RESOURCE and an unknown id 404 with the envelope', async () => {
      const route = await world.client.get('/webhooks')
      const record = await world.client.get('/contacts/no-such-id')

      expect(route.json().errorCode).toBe('UNKNOWN_RESOURCE')
      expect(record.statusCode).toBe(404)
      expect(record.json().meta).toEqual({ statusCode: 404, success: false })
    })

    test('methods Billy does not support answer 405 before authentication', async () => {
      const createCountry = await world.app.inject({
        method: 'POST',
        url: '/billy/v2/countries',
        payload: {},
      })
      const deletePayment = await world.app.inject({ method: 'DELETE', url: '/billy/v2/bankPayments/abc' })
      const writePosting = await world.app.inject({
        method: 'PUT',
        url: '/billy/v2/postings/abc',
        payload: {},
      })

      for (const response of [createCountry, deletePayment, writePosting]) {
        expect(response.statusCode).toBe(405)
        expect(response.json().errorCode).toBe('METHOD_NOT_ALLOWED')
      }
    })

    test('reference data answers without credentials', async () => {
      const response = await world.app.inject('/billy/v2/countries/DK')

      expect(response.statusCode).toBe(200)
      expect(response.json().country.name).toBe('Denmark')
    })
  })

  describe('OpenAPI', () => {
    test('the document lists each resource’s supported operations and its properties’ access', async () => {
      const response = await world.app.inject('/billy/v2/openapi.json')

      const document = response.json()
      expect(response.statusCode).toBe(200)
      expect(document.openapi).toBe('3.1.0')
      expect(Object.keys(document.paths['/invoices'])).toEqual(['get', 'post', 'patch', 'delete'])
      expect(Object.keys(document.paths['/bankPayments/{id}'])).toEqual(['get', 'put'])
      expect(document.paths['/countries']).toEqual({ get: expect.any(Object) })
      expect(document.components.schemas.invoice.properties.amount.readOnly).toBe(true)
      expect(document.components.schemas.contact.required).toEqual(['name', 'countryId'])
    })
  })
})
