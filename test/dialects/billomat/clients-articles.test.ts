// Proves /clients (with myself) and /articles over HTTP on both engines: create, read, edit,
// delete, every list filter, the numbering from the settings, and articles feeding invoice items.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createContact } from '../../../src/core/contacts/create-contact.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, string>
const items = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

describeEachEngine('billomat clients and articles', ({ storage }) => {
  let api: Billomat
  beforeAll(async () => {
    api = await openBillomat(storage())
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  describe('clients', () => {
    let company: Json
    let person: Json
    beforeAll(async () => {
      await api.json('PUT', '/settings', { settings: { client_number_pre: 'KD', client_number_length: 4 } })
      company = ok<{ client: Json }>(
        await api.xmlToJson(
          'POST',
          '/clients',
          '<client><name>Musterfirma GmbH</name><street>Hollertszug 26</street><zip>57562</zip><city>Herdorf</city><country_code>DE</country_code><email>info@musterfirma.example</email><vat_number>DE999999999</vat_number><note>Stammkunde</note><www>https://musterfirma.example</www></client>',
        ),
        201,
      ).client
      person = ok<{ client: Json }>(
        await api.json('POST', '/clients', {
          client: {
            first_name: 'Erika',
            last_name: 'Mustermann',
            country_code: 'AT',
            email: 'erika@example.at',
          },
        }),
        201,
      ).client
    })
    const ids = async (query: string) =>
      items(
        ok<{ clients: { client?: Json | Json[] } }>(await api.json('GET', `/clients?${query}`)).clients
          .client,
      ).map((client) => client.id)

    test('a client is created from XML and answered with its composed fields', async () => {
      expect(company).toMatchObject({
        name: 'Musterfirma GmbH',
        client_number: expect.stringMatching(/^KD\d{4}$/),
        address: 'Musterfirma GmbH\nHollertszug 26\n57562 Herdorf\nDE',
        vat_number: 'DE999999999',
        www: 'https://musterfirma.example',
        revenue_gross: '0',
      })
      expect(person).toMatchObject({ name: '', first_name: 'Erika', last_name: 'Mustermann' })
    })

    test('a client without any name is refused, naming name', async () => {
      const response = await api.json('POST', '/clients', { client: { city: 'Berlin' } })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('name')
    })

    test('every client filter finds its client', async () => {
      expect(await ids('name=musterfirma')).toEqual([company.id])
      expect(await ids(`client_number=${company.client_number}`)).toEqual([company.id])
      expect(await ids('email=ERIKA@')).toEqual([person.id])
      expect(await ids('first_name=eri')).toEqual([person.id])
      expect(await ids('last_name=mustermann')).toEqual([person.id])
      expect(await ids('country_code=at')).toEqual([person.id])
      expect(await ids('note=stamm')).toEqual([company.id])
    })

    test('invoice_id, tags and property filters find their clients', async () => {
      const invoice = ok<{ invoice: Json }>(
        await api.json('POST', '/invoices', { invoice: { client_id: person.id } }),
        201,
      ).invoice
      await api.json('POST', '/client-tags', { 'client-tag': { client_id: company.id, name: 'VIP' } })
      const property = ok<{ 'client-property': Json }>(
        await api.json('POST', '/client-properties', { 'client-property': { name: 'Branche' } }),
        201,
      )['client-property']
      await api.json('POST', '/client-property-values', {
        'client-property-value': { client_id: company.id, client_property_id: property.id, value: 'Bau' },
      })

      expect(await ids(`invoice_id=${invoice.id}`)).toEqual([person.id])
      expect(await ids('tags=vip')).toEqual([company.id])
      expect(await ids(`property${property.id}=Bau`)).toEqual([company.id])
      expect(await ids(`property${property.id}=bau`)).toEqual([])
    })

    test('a contact that is only a supplier is not a client', async () => {
      await createContact(api.core, api.tenant, {
        name: 'Nur Lieferant KG',
        isCustomer: false,
        isSupplier: true,
      })

      expect(await ids('name=lieferant')).toEqual([])
    })

    test('edit changes only the given fields', async () => {
      const edited = ok<{ client: Json }>(
        await api.json('PUT', `/clients/${company.id}`, { client: { phone: '+49 2744 123', reduction: 5 } }),
      ).client

      expect(edited).toMatchObject({
        phone: '+49 2744 123',
        reduction: '5',
        name: 'Musterfirma GmbH',
        city: 'Herdorf',
      })
    })

    test('myself is the account, with its plan and quotas', async () => {
      const myself = ok<{ client: { name: string; plan: string; quotas: { quota: Json[] } } }>(
        await api.json('GET', '/clients/myself'),
      ).client

      expect(myself.name).toBe('Muster GmbH')
      expect(myself.plan).toBe('faktura')
      expect(myself.quotas.quota).toContainEqual({
        entity: 'clients',
        available: '-1',
        used: expect.any(String),
      })
    })

    test('a client with documents cannot be deleted; one without can', async () => {
      const spare = ok<{ client: Json }>(
        await api.json('POST', '/clients', { client: { name: 'Einmal KG' } }),
        201,
      ).client
      const invoiced = ok<{ client: Json }>(
        await api.json('POST', '/clients', { client: { name: 'Belegt KG' } }),
        201,
      ).client
      await api.json('POST', '/invoices', { invoice: { client_id: invoiced.id } })

      expect((await api.json('DELETE', `/clients/${spare.id}`)).statusCode).toBe(200)
      expect((await api.json('GET', `/clients/${spare.id}`)).statusCode).toBe(404)
      expect((await api.json('DELETE', `/clients/${invoiced.id}`)).statusCode).toBe(400)
    })

    test('revenue sums the client’s completed invoices', async () => {
      const client = ok<{ client: Json }>(
        await api.json('POST', '/clients', { client: { name: 'Umsatz AG' } }),
        201,
      ).client
      const invoice = ok<{ invoice: Json }>(
        await api.json('POST', '/invoices', {
          invoice: {
            client_id: client.id,
            'invoice-items': { 'invoice-item': { title: 'x', quantity: 2, unit_price: 50, tax_rate: 19 } },
          },
        }),
        201,
      ).invoice
      await api.json('PUT', `/invoices/${invoice.id}/complete`)

      expect(ok<{ client: Json }>(await api.json('GET', `/clients/${client.id}`)).client).toMatchObject({
        revenue_net: '100',
        revenue_gross: '119',
      })
    })
  })

  describe('articles, units and taxes', () => {
    let unit: Json
    let tax: Json
    let article: Json
    beforeAll(async () => {
      unit = ok<{ unit: Json }>(await api.json('POST', '/units', { unit: { name: 'Stunde' } }), 201).unit
      tax = ok<{ tax: Json }>(
        await api.json('POST', '/taxes', { tax: { name: 'ermäßigt', rate: 7, is_default: 0 } }),
        201,
      ).tax
      await api.json('PUT', '/settings', {
        settings: { article_number_pre: 'ART', article_number_length: 3 },
      })
      article = ok<{ article: Json }>(
        await api.json('POST', '/articles', {
          article: {
            title: 'Beratung',
            description: 'Fachliche Beratung',
            sales_price: '85.50',
            unit_id: unit.id,
            tax_id: tax.id,
            type: 'SERVICE',
            currency_code: 'EUR',
          },
        }),
        201,
      ).article
    })
    const ids = async (query: string) =>
      items(
        ok<{ articles: { article?: Json | Json[] } }>(await api.json('GET', `/articles?${query}`)).articles
          .article,
      ).map((found) => found.id)

    test('an article is created with its number, unit, tax and price', async () => {
      expect(article).toMatchObject({
        title: 'Beratung',
        article_number: `ART${article.id!.padStart(3, '0')}`,
        sales_price: '85.5',
        unit_id: unit.id,
        tax_id: tax.id,
        type: 'SERVICE',
      })
    })

    test('every article filter finds its article', async () => {
      await api.json('POST', '/article-tags', { 'article-tag': { article_id: article.id, name: 'Dienst' } })

      expect(await ids(`article_number=${article.article_number}`)).toEqual([article.id])
      expect(await ids('title=BERATUNG')).toEqual([article.id])
      expect(await ids('description=fachlich')).toEqual([article.id])
      expect(await ids(`unit_id=${unit.id}`)).toEqual([article.id])
      expect(await ids('currency_code=EUR&title=Beratung')).toEqual([article.id])
      expect(await ids('currency_code=USD&title=Beratung')).toEqual([])
      expect(await ids('tags=dienst')).toEqual([article.id])
    })

    test('an invoice item from the article takes its unit name and tax rate', async () => {
      const client = ok<{ client: Json }>(
        await api.json('POST', '/clients', { client: { name: 'Artikelkunde' } }),
        201,
      ).client
      const invoice = ok<{ invoice: Json }>(
        await api.json('POST', '/invoices', {
          invoice: {
            client_id: client.id,
            'invoice-items': { 'invoice-item': { article_id: article.id, quantity: 2 } },
          },
        }),
        201,
      ).invoice

      expect(invoice).toMatchObject({ total_net: '171', total_gross: '182.97' })
    })

    test('a unit an article uses cannot be deleted', async () => {
      const response = await api.json('DELETE', `/units/${unit.id}`)

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('used by')
    })

    test('only one tax is the default', async () => {
      const first = ok<{ tax: Json }>(
        await api.json('POST', '/taxes', { tax: { name: 'voll', rate: 19, is_default: 1 } }),
        201,
      ).tax
      const second = ok<{ tax: Json }>(
        await api.json('POST', '/taxes', { tax: { name: 'null', rate: 0, is_default: 1 } }),
        201,
      ).tax

      expect(ok<{ tax: Json }>(await api.json('GET', `/taxes/${first.id}`)).tax.is_default).toBe('0')
      expect(ok<{ tax: Json }>(await api.json('GET', `/taxes/${second.id}`)).tax.is_default).toBe('1')
      await api.json('PUT', `/taxes/${first.id}`, { tax: { is_default: 1 } })
    })

    test('a tax rate above 100 is refused, naming rate', async () => {
      const response = await api.json('POST', '/taxes', { tax: { name: 'falsch', rate: 190 } })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('rate')
    })

    test('edit and delete an article', async () => {
      const spare = ok<{ article: Json }>(
        await api.json('POST', '/articles', { article: { title: 'Weg', sales_price: 1 } }),
        201,
      ).article

      const edited = ok<{ article: Json }>(
        await api.json('PUT', `/articles/${spare.id}`, {
          article: { sales_price: '2.25', title: 'Weg damit' },
        }),
      ).article
      const deleted = await api.json('DELETE', `/articles/${spare.id}`)

      expect(edited).toMatchObject({ sales_price: '2.25', title: 'Weg damit' })
      expect(deleted.statusCode).toBe(200)
    })
  })
})
