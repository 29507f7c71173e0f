// Proves Billomat's reminder texts against the country's dunning limits (a Danish organization:
// at most 100 DKK a reminder, at most three reminders with a fee): a refused charge saves
// nothing, neither the text nor the core's dunning settings; the reminder list's filters, reminder
// tags and the reminder PDF.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { getDunningSettings } from '../../../src/core/dunning/update-dunning-settings.ts'
import { organizationToday } from '../../../src/core/organizations/organization-today.ts'
import { addDays } from '../../../src/domain/calendar/dates.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Wire = Record<string, string>

const CONSULTING = { title: 'Rådgivning', unit_price: 800 }

const level = (sorting: number, charge: string) => ({
  'reminder-text': {
    sorting,
    name: `Rykker ${sorting}`,
    subject: `Rykker ${sorting} for [Invoice.invoice_number]`,
    header: 'Vi har endnu ikke modtaget din betaling.',
    footer: 'Venlig hilsen',
    charge_name: 'Rykkergebyr',
    charge_description: 'Gebyr',
    charge_amount: charge,
  },
})

describeEachEngine('billomat reminder texts and reminders', ({ storage }) => {
  let api: Billomat

  const texts = async () => {
    const found = ok<{ 'reminder-texts': { 'reminder-text'?: Wire | Wire[] } }>(
      await api.json('GET', '/reminder-texts'),
    )['reminder-texts']['reminder-text']
    return Array.isArray(found) ? found : found ? [found] : []
  }

  /** A completed invoice of one line, due on 2026-09-11 and so overdue on the test's day. */
  const overdue = async (name: string, item: Record<string, unknown>) => {
    const draft = ok<{ invoice: Wire }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: await api.client(name),
          date: '2026-09-01',
          due_days: 10,
          'invoice-items': { 'invoice-item': { quantity: 1, tax_rate: 25, ...item } },
        },
      }),
      201,
    ).invoice
    return ok<{ invoice: Wire }>(await api.json('PUT', `/invoices/${draft.id}/complete`)).invoice
  }

  beforeAll(async () => {
    api = await openBillomat(storage(), { country: 'DK', currency: 'DKK' })
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  test("a charge beyond Denmark's cap is refused naming charge_amount and saves nothing", async () => {
    const first = ok<{ 'reminder-text': Wire }>(
      await api.json('POST', '/reminder-texts', level(1, '100')),
      201,
    )['reminder-text']
    const settingsBefore = await getDunningSettings(api.core, api.tenant)

    const tooHigh = await api.json('PUT', `/reminder-texts/${first.id}`, level(1, '100.01'))
    const tooHighNew = await api.json('POST', '/reminder-texts', level(2, '250'))

    expect(tooHigh.statusCode).toBe(400)
    expect(tooHigh.json().errors.error).toContain('charge_amount')
    expect(tooHighNew.statusCode).toBe(400)
    expect(tooHighNew.json().errors.error).toContain('charge_amount')
    expect((await texts()).map((text) => [text.name, text.charge_amount])).toEqual([['Rykker 1', '100']])
    const settingsAfter = await getDunningSettings(api.core, api.tenant)
    expect(settingsAfter).toEqual(settingsBefore)
    expect(settingsAfter.reminderFeesMinor).toEqual([10000n])
  })

  test('a fourth reminder with a fee is refused and the three levels stay as they were', async () => {
    for (const sorting of [2, 3]) ok(await api.json('POST', '/reminder-texts', level(sorting, '100')), 201)

    const fourth = await api.json('POST', '/reminder-texts', level(4, '50'))
    const freeFourth = ok<{ 'reminder-text': Wire }>(
      await api.json('POST', '/reminder-texts', level(4, '0')),
      201,
    )['reminder-text']
    const chargedAgain = await api.json('PUT', `/reminder-texts/${freeFourth.id}`, level(4, '10'))

    expect(fourth.statusCode).toBe(400)
    expect(fourth.json().errors.error).toContain('at most 3 reminders may carry a fee')
    expect(chargedAgain.statusCode).toBe(400)
    expect((await texts()).map((text) => text.charge_amount)).toEqual(['100', '100', '100', '0'])
    const settings = await getDunningSettings(api.core, api.tenant)
    expect(settings.reminderFeesMinor).toEqual([10000n, 10000n, 10000n, 0n])
    expect(settings.automaticReminders).toBe(true)

    expect((await api.json('DELETE', `/reminder-texts/${freeFourth.id}`)).statusCode).toBe(200)
    expect((await getDunningSettings(api.core, api.tenant)).reminderFeesMinor).toEqual([
      10000n,
      10000n,
      10000n,
    ])
  })

  test('reminders are filtered by invoice number, status, date, texts and tags, and render as PDF', async () => {
    const [a, b] = [await overdue('Alfa ApS', CONSULTING), await overdue('Beta ApS', CONSULTING)]
    const remind = async (invoice: Wire) =>
      ok<{ reminder: Wire }>(
        await api.json('POST', '/reminders', { reminder: { invoice_id: invoice.id } }),
        201,
      ).reminder
    const [ra, rb] = [await remind(a!), await remind(b!)]
    ok(
      await api.json('POST', '/invoice-payments', {
        'invoice-payment': { invoice_id: b!.id, amount: '1100', mark_invoice_as_paid: 1 },
      }),
      201,
    )
    const ids = async (query: string) => {
      const response = await api.json('GET', `/reminders?${query}`)
      expect(response.statusCode, response.body).toBe(200)
      const found = (response.json() as { reminders: { reminder?: Wire | Wire[] } }).reminders.reminder
      return (Array.isArray(found) ? found : found ? [found] : []).map((reminder) => reminder.id)
    }
    const tag = await api.json('POST', '/reminder-tags', {
      'reminder-tag': { reminder_id: ra!.id, name: 'Haster' },
    })
    const badTag = await api.json('POST', '/reminder-tags', {
      'reminder-tag': { reminder_id: '999', name: 'x' },
    })
    const envelope = ok<{ pdf: Wire }>(await api.json('GET', `/reminders/${ra!.id}/pdf`)).pdf
    const raw = await api.json('GET', `/reminders/${ra!.id}/pdf?format=pdf`)

    const both = [ra!.id, rb!.id]
    expect(await ids(`invoice_number=${encodeURIComponent(a!.invoice_number!.toLowerCase())}`)).toEqual([
      ra!.id,
    ])
    expect(await ids('status=PAID')).toEqual([rb!.id])
    expect(await ids('status=open')).toEqual([ra!.id])
    expect(await ids('status=OPEN,PAID')).toEqual(both)
    expect((await api.json('GET', '/reminders?status=LATE')).json().errors.error).toContain('status')
    expect(await ids('from=2026-11-02&to=2026-11-02')).toEqual(both)
    expect(await ids('to=2026-11-01')).toEqual([])
    expect(await ids('subject=rykker%201')).toEqual(both)
    expect(await ids('subject=Rykker%202')).toEqual([])
    expect(await ids('intro=BETALING&note=hilsen')).toEqual(both)
    expect(await ids('label=x')).toEqual([])
    expect(tag.statusCode, tag.body).toBe(201)
    expect(await ids('tags=haster,andet')).toEqual([ra!.id])
    expect(await ids(`invoice_id=${b!.id}&tags=haster`)).toEqual([])
    expect(badTag.statusCode).toBe(400)
    expect(badTag.json().errors.error).toContain('reminder_id')
    expect(envelope).toMatchObject({
      reminder_id: ra!.id,
      filename: `reminder_${ra!.id}.pdf`,
      mimetype: 'application/pdf',
    })
    expect(Buffer.from(envelope.base64file!, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(raw.headers['content-type']).toBe('application/pdf')
    expect(raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })

  test('a reminder is made with its own pay-by days, texts and contact, refused naming a bad field, and filtered by contact and article', async () => {
    const today = await organizationToday(api.core, api.tenant)
    const article = ok<{ article: Wire }>(
      await api.json('POST', '/articles', { article: { title: 'Revision', sales_price: 800 } }),
      201,
    ).article
    const own = await overdue('Gamma ApS', CONSULTING)
    const withArticle = await overdue('Delta ApS', { article_id: article.id })
    const contact = ok<{ contact: Wire }>(
      await api.json('POST', '/contacts', { contact: { client_id: own.client_id, first_name: 'Mette' } }),
      201,
    ).contact
    const refusal = async (fields: Record<string, unknown>) => {
      const response = await api.json('POST', '/reminders', { reminder: { invoice_id: own.id, ...fields } })
      expect(response.statusCode, response.body).toBe(400)
      return response.json().errors.error as string
    }

    expect(await refusal({ date: '2026-01-05' })).toContain('date')
    expect(await refusal({ due_days: 0 })).toContain('due_days')
    expect(await refusal({ due_date: today })).toContain('due_date')
    expect(await refusal({ due_days: 5, due_date: addDays(today, 6) })).toContain('due_date')
    expect(await refusal({ contact_id: 99999 })).toContain('contact_id')
    const elsewhere = ok<{ contact: Wire }>(
      await api.json('POST', '/contacts', {
        contact: { client_id: withArticle.client_id, first_name: 'Ole' },
      }),
      201,
    ).contact
    expect(await refusal({ contact_id: elsewhere.id })).toContain('contact_id')
    const badXml = await api.xml(
      'POST',
      '/reminders',
      `<reminder><invoice_id>${own.id}</invoice_id><due_days>zero</due_days></reminder>`,
    )
    expect(badXml.statusCode).toBe(400)
    expect(badXml.body).toMatch(/<errors><error>[^<]*due_days/)
    expect(await refusal({ subject: 'x'.repeat(10_001) })).toContain('subject')
    expect(
      ok<{ reminders: Wire }>(await api.json('GET', `/reminders?invoice_id=${own.id}`)).reminders,
    ).toMatchObject({
      '@total': '0',
    })

    const made = ok<{ reminder: Wire }>(
      await api.json('POST', '/reminders', {
        reminder: {
          invoice_id: own.id,
          contact_id: contact.id,
          date: today,
          due_days: 5,
          subject: 'Sidste chance',
          intro: 'Betal venligst nu.',
          note: 'Mvh Gamma',
          label: 'Særlig',
        },
      }),
      201,
    ).reminder
    const xml = await api.xml(
      'POST',
      '/reminders',
      `<reminder><invoice_id>${withArticle.id}</invoice_id><due_date>${addDays(today, 20)}</due_date></reminder>`,
    )
    const xmlId = /<id type="integer">(\d+)<\/id>/.exec(xml.body)?.[1] ?? ''
    const ids = async (query: string) => {
      const response = await api.json('GET', `/reminders?${query}`)
      expect(response.statusCode, response.body).toBe(200)
      const found = (response.json() as { reminders: { reminder?: Wire | Wire[] } }).reminders.reminder
      return (Array.isArray(found) ? found : found ? [found] : []).map((reminder) => reminder.id)
    }

    expect(made).toMatchObject({
      contact_id: contact.id,
      date: today,
      due_date: addDays(today, 5),
      subject: 'Sidste chance',
      intro: 'Betal venligst nu.',
      note: 'Mvh Gamma',
      label: 'Særlig',
      total_gross: '100',
    })
    expect(ok<{ reminder: Wire }>(await api.json('GET', `/reminders/${made.id}`)).reminder).toMatchObject({
      subject: 'Sidste chance',
      contact_id: contact.id,
    })
    expect(xml.statusCode, xml.body).toBe(201)
    expect(xml.body).toContain(`${addDays(today, 20)}</due_date>`)
    expect(xml.body).toContain('<subject>Rykker 1 for [Invoice.invoice_number]</subject>')
    expect(xml.body).toMatch(/<contact_id( [^>]*)?\/?>(<\/contact_id>)?/)
    expect(await ids(`contact_id=${contact.id}`)).toEqual([made.id])
    expect(await ids('contact_id=99999')).toEqual([])
    expect(await ids('subject=sidste')).toEqual([made.id])
    expect(await ids(`subject=rykker&invoice_id=${own.id},${withArticle.id}`)).toEqual([xmlId])
    expect(await ids('label=særlig&note=gamma')).toEqual([made.id])
    expect(await ids(`intro=betal&invoice_id=${own.id},${withArticle.id}`)).toEqual([made.id, xmlId])
    expect(await ids(`intro=betaling&invoice_id=${own.id},${withArticle.id}`)).toEqual([xmlId])
    expect(await ids(`article_id=${article.id}`)).toEqual([xmlId])
    expect(await ids(`article_id=${article.id}&contact_id=${contact.id}`)).toEqual([])
  })
})
