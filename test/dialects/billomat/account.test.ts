// Proves the account resources over HTTP on both engines: settings (and their effect on numbering
// and defaults), users/myself, countries, currencies, and the record resources (email templates,
// free texts, templates, contacts, comments, tags), in JSON and XML.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, string>
const items = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

describeEachEngine('billomat account resources', ({ storage }) => {
  let api: Billomat
  let clientId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Konto AG')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  const draft = async (fields: Record<string, unknown> = {}) =>
    ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          'invoice-items': { 'invoice-item': { title: 'x', quantity: 1, unit_price: 10, tax_rate: 19 } },
          ...fields,
        },
      }),
      201,
    ).invoice

  describe('settings', () => {
    test('GET shows defaults and the account; PUT changes numbering and defaults', async () => {
      const before = ok<{ settings: Json }>(await api.json('GET', '/settings')).settings

      const after = ok<{ settings: Json }>(
        await api.xmlToJson(
          'PUT',
          '/settings',
          '<settings><invoice_number_pre>RG</invoice_number_pre><invoice_number_length>4</invoice_number_length><due_days>21</due_days><discount_rate>2</discount_rate><discount_days>10</discount_days></settings>',
        ),
      ).settings
      const invoice = await draft({ date: '2026-11-02' })
      const completed = ok<{ invoice: Json }>(
        await api.json('PUT', `/invoices/${invoice.id}/complete`),
      ).invoice

      expect(before).toMatchObject({
        currency_code: 'EUR',
        net_gross: 'NET',
        number_range_mode: 'IGNORE_PREFIX',
        invoice_number_next: '1',
      })
      expect(after).toMatchObject({ invoice_number_pre: 'RG', invoice_number_length: '4', due_days: '21' })
      expect(invoice).toMatchObject({
        due_days: '21',
        due_date: '2026-11-23',
        discount_rate: '2',
        discount_days: '10',
        discount_date: '2026-11-12',
      })
      expect(completed.invoice_number).toBe('RG0001')
      expect(ok<{ settings: Json }>(await api.json('GET', '/settings')).settings.invoice_number_next).toBe(
        '2',
      )
    })

    test('reminder_due_days is the dunning pay-by days, saved with the rest or not at all', async () => {
      const saved = ok<{ settings: Json }>(
        await api.json('PUT', '/settings', { settings: { reminder_due_days: 14 } }),
      ).settings
      const refused = await api.json('PUT', '/settings', {
        settings: { reminder_due_days: 0, discount_rate: 5, invoice_number_pre: 'XX' },
      })
      const overdue = await draft({ date: '2026-10-01', due_days: 7 })
      ok(await api.json('PUT', `/invoices/${overdue.id}/complete`))
      const reminder = ok<{ reminder: Json }>(
        await api.json('POST', '/reminders', { reminder: { invoice_id: overdue.id } }),
        201,
      ).reminder
      const after = ok<{ settings: Json }>(await api.json('GET', '/settings')).settings

      expect(saved.reminder_due_days).toBe('14')
      expect(refused.statusCode).toBe(400)
      expect(refused.json().errors.error).toContain('reminder_due_days')
      expect(after).toMatchObject({ reminder_due_days: '14', discount_rate: '2', invoice_number_pre: 'RG' })
      expect(reminder).toMatchObject({ date: '2026-11-02', due_date: '2026-11-16' })
    })

    test('an invalid setting is refused, naming it', async () => {
      const response = await api.json('PUT', '/settings', { settings: { currency_code: 'XXX' } })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('currency_code')
    })
  })

  describe('users, countries, currencies', () => {
    test('users/myself is the API key’s user, also listed and read by id', async () => {
      const myself = ok<{ user: Json }>(await api.json('GET', '/users/myself')).user
      const listed = ok<{ users: { user: Json; '@total': string } }>(await api.json('GET', '/users')).users
      const byId = await api.xml('GET', `/users/${myself.id}`)

      expect(myself.id).toBe('1')
      expect(listed['@total']).toBe('1')
      expect(byId.body).toContain('<rights><articles>DELETE</articles>')
      expect((await api.json('GET', '/users/2')).statusCode).toBe(404)
    })

    test('countries are listed, filtered by code and read by id', async () => {
      const germany = ok<{ countries: { country: Json; '@total': string } }>(
        await api.json('GET', '/countries?code=de'),
      ).countries
      const all = ok<{ countries: { '@total': string } }>(
        await api.json('GET', '/countries?per_page=5'),
      ).countries
      const byId = ok<{ country: Json }>(await api.json('GET', `/countries/${germany.country.id}`)).country

      expect(germany.country).toMatchObject({ code: 'DE', name_de: 'Deutschland', name_en: 'Germany' })
      expect(Number(all['@total'])).toBeGreaterThan(240)
      expect(byId.code).toBe('DE')
    })

    test('currencies are listed with their decimals and filtered by code', async () => {
      const yen = ok<{ currencies: { currency: Json } }>(
        await api.json('GET', '/currencies?code=JPY,XYZ'),
      ).currencies

      expect(yen.currency).toMatchObject({ code: 'JPY', decimals: '0' })
      expect(
        ok<{ currency: Json }>(await api.json('GET', `/currencies/${yen.currency.id}`)).currency.code,
      ).toBe('JPY')
    })
  })

  describe('record resources', () => {
    test('free_text_id fills the texts of a new invoice', async () => {
      const text = ok<{ 'free-text': Json }>(
        await api.json('POST', '/free-texts', {
          'free-text': {
            name: 'Standard',
            type: 'INVOICE',
            title: 'Rechnung',
            intro: 'Vielen Dank',
            note: 'Zahlbar in 14 Tagen',
          },
        }),
        201,
      )['free-text']

      const invoice = await draft({ free_text_id: text.id })

      expect(invoice).toMatchObject({ title: 'Rechnung', intro: 'Vielen Dank', note: 'Zahlbar in 14 Tagen' })
      expect(
        (await api.json('POST', '/invoices', { invoice: { client_id: clientId, free_text_id: 9999 } }))
          .statusCode,
      ).toBe(400)
    })

    test('the default email template gives an email its subject and text', async () => {
      await api.json('POST', '/email-templates', {
        'email-template': {
          name: 'Rechnung',
          type: 'INVOICES',
          subject: 'Rechnung [Invoice.invoice_number]',
          text: 'Anbei',
          bcc: 0,
          is_default: 1,
        },
      })
      const invoice = await draft()
      const completed = ok<{ invoice: Json }>(
        await api.json('PUT', `/invoices/${invoice.id}/complete`),
      ).invoice

      await api.json('POST', `/invoices/${invoice.id}/email`, {
        email: { recipients: { to: 'kunde@example.com' } },
      })

      const rows = await storage()
        .db.selectFrom('outbox')
        .select('payload')
        .where('organization_id', '=', api.tenant.organizationId)
        .where('kind', '=', 'invoice.email')
        .execute()
      expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({
        subject: `Rechnung ${completed.invoice_number}`,
        text: 'Anbei',
      })
    })

    test('an enum field is refused with the allowed values', async () => {
      const response = await api.json('POST', '/email-templates', {
        'email-template': { name: 'x', type: 'FAXES' },
      })

      expect(response.statusCode).toBe(400)
      expect(response.json().errors.error).toContain('type must be one of INVOICES')
    })

    test('templates are kept without their file in answers, and can complete an invoice', async () => {
      const template = ok<{ template: Json }>(
        await api.json('POST', '/templates', {
          template: { name: 'Hausvorlage', type: 'INVOICE', format: 'docx', base64file: 'UEsDBA==' },
        }),
        201,
      ).template
      const invoice = await draft()

      const completed = ok<{ invoice: Json }>(
        await api.json('PUT', `/invoices/${invoice.id}/complete`, { complete: { template_id: template.id } }),
      ).invoice

      expect(template).toMatchObject({ template_type: 'UPLOADED', type: 'INVOICE' })
      expect(template.base64file).toBeUndefined()
      expect(completed.template_id).toBe(template.id)
    })

    test('contacts need their client in lists and hang on it', async () => {
      const contact = ok<{ contact: Json }>(
        await api.json('POST', '/contacts', {
          contact: { client_id: clientId, first_name: 'Max', email: 'max@konto.example' },
        }),
        201,
      ).contact

      const listed = ok<{ contacts: { contact: Json } }>(
        await api.json('GET', `/contacts?client_id=${clientId}`),
      ).contacts
      const unfiltered = await api.json('GET', '/contacts')
      const edited = ok<{ contact: Json }>(
        await api.json('PUT', `/contacts/${contact.id}`, {
          contact: { last_name: 'Muster', client_id: 999 },
        }),
      ).contact

      expect(listed.contact.id).toBe(contact.id)
      expect(unfiltered.statusCode).toBe(400)
      expect(edited).toMatchObject({ first_name: 'Max', last_name: 'Muster', client_id: clientId })
    })

    test('invoice comments and tags are added, listed by invoice and deleted', async () => {
      const invoice = await draft()
      const comment = ok<{ 'invoice-comment': Json }>(
        await api.xmlToJson(
          'POST',
          '/invoice-comments',
          `<invoice-comment><invoice_id>${invoice.id}</invoice_id><comment>Rückfrage</comment><public>0</public></invoice-comment>`,
        ),
        201,
      )['invoice-comment']
      await api.json('POST', '/invoice-tags', { 'invoice-tag': { invoice_id: invoice.id, name: 'Eilig' } })

      const comments = ok<{ 'invoice-comments': { 'invoice-comment': Json } }>(
        await api.json('GET', `/invoice-comments?invoice_id=${invoice.id}&actionkey=COMMENT`),
      )
      const tags = items(
        ok<{ 'invoice-tags': { 'invoice-tag'?: Json | Json[] } }>(
          await api.json('GET', `/invoice-tags?invoice_id=${invoice.id}`),
        )['invoice-tags']['invoice-tag'],
      )
      const deleted = await api.json('DELETE', `/invoice-comments/${comment.id}`)

      expect(comment).toMatchObject({ comment: 'Rückfrage', actionkey: 'COMMENT', public: '0', user_id: '1' })
      expect(comments['invoice-comments']['invoice-comment'].id).toBe(comment.id)
      expect(tags.map((tag) => tag.name)).toEqual(['Eilig'])
      expect(deleted.statusCode).toBe(200)
      expect((await api.json('GET', '/invoice-comments')).statusCode).toBe(400)
      expect(
        (await api.json('POST', '/invoice-tags', { 'invoice-tag': { invoice_id: 424242, name: 'x' } })).json()
          .errors.error,
      ).toContain('invoice_id')
    })
  })
})
