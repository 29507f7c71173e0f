// Proves /suppliers and their tags and custom attributes over HTTP on both engines, in JSON and
// XML: suppliers are core contacts in the supplier role, filtered and ordered as the appendix
// lists, with their attribute values embedded, kept apart from clients.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { getContact } from '../../../src/core/contacts/get-contact.ts'
import { findContactByNo } from '../../../src/core/queries/find-by-number.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, unknown>
const items = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

// Every create field of the appendix (lieferanten), as a client would send them in XML.
const SUPPLIER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<supplier>
  <name>Develappers GmbH</name>
  <street>Königsbrücker Str. 64</street>
  <zip>01234</zip>
  <city>Dresden</city>
  <state>Sachsen</state>
  <country_code>DE</country_code>
  <first_name>Martin</first_name>
  <last_name>Hey</last_name>
  <salutation>Herr</salutation>
  <phone>0351 1</phone>
  <fax>0351 2</fax>
  <mobile>0170 3</mobile>
  <email>info@develappers.example</email>
  <www>https://develappers.example</www>
  <tax_number>203/123/45678</tax_number>
  <vat_number>DE999999999</vat_number>
  <creditor_identifier>DE98ZZZ09999999999</creditor_identifier>
  <bank_account_number>123</bank_account_number>
  <bank_account_owner>Develappers GmbH</bank_account_owner>
  <bank_number>85050300</bank_number>
  <bank_name>Ostsächsische Sparkasse</bank_name>
  <bank_swift>OSDDDE81XXX</bank_swift>
  <bank_iban>DE89370400440532013000</bank_iban>
  <note>Liefert Hardware</note>
  <client_number>K-4711</client_number>
  <currency_code>EUR</currency_code>
</supplier>`

describeEachEngine('billomat suppliers', ({ storage }) => {
  let api: Billomat
  beforeAll(async () => {
    api = await openBillomat(storage())
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  const createSupplier = async (fields: Json) =>
    ok<{ supplier: Record<string, string> }>(await api.json('POST', '/suppliers', { supplier: fields }), 201)
      .supplier

  test('every create field of the appendix is taken from XML and answered in XML and JSON', async () => {
    const created = await api.xml('POST', '/suppliers', SUPPLIER_XML)
    const id = /<id type="integer">(\d+)<\/id>/.exec(created.body)?.[1] ?? ''
    const read = ok<{ supplier: Record<string, unknown> }>(await api.json('GET', `/suppliers/${id}`)).supplier
    const contact = await findContactByNo(api.core, api.tenant, BigInt(id))

    expect(created.statusCode).toBe(201)
    expect(created.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<supplier><id type="integer">/)
    expect(created.body).toContain('<costs_gross type="float">0</costs_gross>')
    expect(read).toMatchObject({
      name: 'Develappers GmbH',
      street: 'Königsbrücker Str. 64',
      zip: '01234',
      city: 'Dresden',
      state: 'Sachsen',
      country_code: 'DE',
      is_eu_country: '1',
      address: 'Develappers GmbH\nKönigsbrücker Str. 64\n01234 Dresden\nDE',
      first_name: 'Martin',
      last_name: 'Hey',
      salutation: 'Herr',
      phone: '0351 1',
      fax: '0351 2',
      mobile: '0170 3',
      email: 'info@develappers.example',
      www: 'https://develappers.example',
      tax_number: '203/123/45678',
      vat_number: 'DE999999999',
      creditor_identifier: 'DE98ZZZ09999999999',
      bank_account_number: '123',
      bank_account_owner: 'Develappers GmbH',
      bank_number: '85050300',
      bank_name: 'Ostsächsische Sparkasse',
      bank_swift: 'OSDDDE81XXX',
      bank_iban: 'DE89370400440532013000',
      note: 'Liefert Hardware',
      client_number: 'K-4711',
      currency_code: 'EUR',
      costs_gross: '0',
      costs_net: '0',
      'supplier-property-values': '',
    })
    expect(contact).toMatchObject({ isSupplier: true, isCustomer: false, name: 'Develappers GmbH' })
  })

  test('suppliers are not clients, and clients are not suppliers', async () => {
    const supplier = await createSupplier({ name: 'Nur Lieferant AG' })
    const clientId = await api.client('Nur Kunde AG')

    const clients = ok<{ clients: Json }>(await api.json('GET', '/clients?name=Nur')).clients
    const suppliers = ok<{ suppliers: Json }>(await api.json('GET', '/suppliers?name=Nur')).suppliers

    expect(items(clients.client as Json[]).map((c) => c.name)).toEqual(['Nur Kunde AG'])
    expect(items(suppliers.supplier as Json[]).map((s) => s.name)).toEqual(['Nur Lieferant AG'])
    expect((await api.json('GET', `/suppliers/${clientId}`)).statusCode).toBe(404)
    expect((await api.json('GET', `/clients/${supplier.id}`)).statusCode).toBe(200)
  })

  test('the list filters by every parameter of the appendix and orders', async () => {
    const a = await createSupplier({
      name: 'Filter Alpha GmbH',
      email: 'alpha@filter.example',
      first_name: 'Anna',
      last_name: 'Alpha',
      country_code: 'AT',
      creditor_identifier: 'AT12ZZZ0001',
      note: 'Papier und Toner',
      client_number: 'KA-1',
      city: 'Wien',
    })
    const b = await createSupplier({ name: 'Filter Beta GmbH', country_code: 'CH', city: 'Basel' })
    await api.json('POST', '/supplier-tags', { 'supplier-tag': { supplier_id: b.id, name: 'Hardware' } })
    const names = async (query: string) =>
      items(
        ok<{ suppliers: { supplier?: Json | Json[] } }>(await api.json('GET', `/suppliers?${query}`))
          .suppliers.supplier,
      ).map((s) => s.name)

    expect(await names('name=filter&order_by=name+DESC')).toEqual(['Filter Beta GmbH', 'Filter Alpha GmbH'])
    expect(await names('email=ALPHA@')).toEqual([a.name])
    expect(await names('first_name=ann')).toEqual([a.name])
    expect(await names('last_name=alp')).toEqual([a.name])
    expect(await names('country_code=at')).toEqual([a.name])
    expect(await names('creditor_identifier=zzz0001')).toEqual([a.name])
    expect(await names('note=toner')).toEqual([a.name])
    expect(await names('client_number=KA-')).toEqual([a.name])
    expect(await names('tags=hardware')).toEqual([b.name])
    expect(await names('name=filter&order_by=city')).toEqual([b.name, a.name])
    expect((await api.json('GET', '/suppliers?order_by=nonsense')).statusCode).toBe(400)
  })

  test('edit changes what is given and keeps the rest; delete removes the supplier', async () => {
    const supplier = await createSupplier({ name: 'Edit GmbH', email: 'a@edit.example', fax: '1' })

    const edited = ok<{ supplier: Json }>(
      await api.xmlToJson(
        'PUT',
        `/suppliers/${supplier.id}`,
        '<supplier><fax>2</fax><city>Köln</city></supplier>',
      ),
    ).supplier
    const deleted = await api.json('DELETE', `/suppliers/${supplier.id}`)

    expect(edited).toMatchObject({ name: 'Edit GmbH', email: 'a@edit.example', fax: '2', city: 'Köln' })
    expect(deleted.statusCode).toBe(200)
    expect((await api.json('GET', `/suppliers/${supplier.id}`)).statusCode).toBe(404)
  })

  test('bad input is refused naming the field, and nothing is written', async () => {
    const noName = await api.json('POST', '/suppliers', { supplier: { street: 'x' } })
    const badEmail = await api.json('POST', '/suppliers', { supplier: { name: 'x', email: 'not-mail' } })
    const badCountry = await api.xml(
      'POST',
      '/suppliers',
      '<supplier><name>x</name><country_code>Deutschland</country_code></supplier>',
    )

    expect(noName.statusCode).toBe(400)
    expect(noName.json().errors.error).toContain('name')
    expect(badEmail.json().errors.error).toContain('email')
    expect(badCountry.statusCode).toBe(400)
    expect(badCountry.body).toContain('<errors><error>')
  })

  describe('supplier properties, values and tags', () => {
    test('a value of a property is embedded in the supplier and filters suppliers', async () => {
      const supplier = await createSupplier({ name: 'Attribut GmbH' })
      const property = ok<{ 'supplier-property': Json }>(
        await api.json('POST', '/supplier-properties', {
          'supplier-property': { name: 'Rahmenvertrag', type: 'TEXTFIELD' },
        }),
        201,
      )['supplier-property']

      const value = ok<{ 'supplier-property-value': Json }>(
        await api.xmlToJson(
          'POST',
          '/supplier-property-values',
          `<supplier-property-value><supplier_id>${supplier.id}</supplier_id><supplier_property_id>${property.id}</supplier_property_id><value>RV-9</value></supplier-property-value>`,
        ),
        201,
      )['supplier-property-value']
      const read = ok<{ supplier: Json }>(await api.json('GET', `/suppliers/${supplier.id}`)).supplier
      const filtered = ok<{ suppliers: Json }>(
        await api.json('GET', `/suppliers?property${property.id}=RV-9`),
      ).suppliers
      const values = ok<{ 'supplier-property-values': Json }>(
        await api.json('GET', `/supplier-property-values?supplier_id=${supplier.id}`),
      )['supplier-property-values']

      expect(value).toMatchObject({ supplier_id: supplier.id, value: 'RV-9' })
      expect(read['supplier-property-values']).toEqual({
        'supplier-property-value': {
          id: value.id,
          supplier_id: supplier.id,
          supplier_property_id: property.id,
          type: 'TEXTFIELD',
          name: 'Rahmenvertrag',
          value: 'RV-9',
          customfield: '',
        },
      })
      expect((filtered.supplier as Json).name).toBe('Attribut GmbH')
      expect(values['@total']).toBe('1')
    })

    test('a value for an unknown property or supplier is refused naming the field', async () => {
      const supplier = await createSupplier({ name: 'Fehler GmbH' })
      const clientId = await api.client('Kein Lieferant AG')

      const unknownProperty = await api.json('POST', '/supplier-property-values', {
        'supplier-property-value': { supplier_id: supplier.id, supplier_property_id: 9999, value: 'x' },
      })
      const notASupplier = await api.json('POST', '/supplier-tags', {
        'supplier-tag': { supplier_id: clientId, name: 'x' },
      })

      expect(unknownProperty.json().errors.error).toContain('supplier_property_id')
      expect(notASupplier.statusCode).toBe(400)
      expect(notASupplier.json().errors.error).toContain('supplier_id')
    })

    test('supplier tags are listed by supplier, read and deleted', async () => {
      const supplier = await createSupplier({ name: 'Tag GmbH' })
      const tag = ok<{ 'supplier-tag': Json }>(
        await api.json('POST', '/supplier-tags', {
          'supplier-tag': { supplier_id: supplier.id, name: 'Büro' },
        }),
        201,
      )['supplier-tag']

      const listed = await api.xml('GET', `/supplier-tags?supplier_id=${supplier.id}`)
      const deleted = await api.json('DELETE', `/supplier-tags/${tag.id}`)

      expect(listed.body).toContain(
        '<supplier-tags type="array" page="1" per_page="100" total="1"><supplier-tag>',
      )
      expect(deleted.statusCode).toBe(200)
      expect((await api.json('GET', `/supplier-tags/${tag.id}`)).statusCode).toBe(404)
    })

    test('incoming and user properties are kept as definitions', async () => {
      for (const path of ['incoming-properties', 'user-properties']) {
        const element = path.replace('-properties', '-property')
        const created = ok<Record<string, Json>>(
          await api.json('POST', `/${path}`, {
            [element]: { name: 'Kostenstelle', type: 'TEXTAREA', is_nvl: 1 },
          }),
          201,
        )[element]!

        const edited = ok<Record<string, Json>>(
          await api.json('PUT', `/${path}/${created.id}`, { [element]: { default_value: 'KS1' } }),
        )[element]!

        expect(edited).toMatchObject({
          name: 'Kostenstelle',
          type: 'TEXTAREA',
          is_nvl: '1',
          default_value: 'KS1',
        })
        expect((await api.json('DELETE', `/${path}/${created.id}`)).statusCode).toBe(200)
      }
    })
  })

  test('a supplier made through Billomat is a core contact in the supplier role', async () => {
    const supplier = await createSupplier({ name: 'Kern GmbH', vat_number: 'DE111111111' })

    const contact = await findContactByNo(api.core, api.tenant, BigInt(String(supplier.id)))
    const again = await getContact(api.core, api.tenant, contact?.contactId ?? '')

    expect(again).toMatchObject({ isSupplier: true, vatNo: 'DE111111111' })
  })
})
