// Proves the rules of Billomat's sales documents beyond their plain resources, over HTTP on both
// engines: an offer's optional items are priced but left out of its totals and taxes and out of
// what is made from it; a confirmation made from an offer wins it; number_range_mode
// CONSIDER_PREFIX counts each prefix on its own; a delivery note's invoice_id and a letter's
// supplier_id must exist in the organization. Nothing posts; the ledger balances after each test.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, string>
type Many = Json | Json[] | undefined

const all = (value: Many): Json[] => ([] as Json[]).concat(value ?? [])

describeEachEngine('billomat sales document rules', ({ storage }) => {
  let api: Billomat
  let clientId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Regel GmbH')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  const offerWithOption = async (fields: Record<string, unknown> = {}) =>
    ok<{ offer: Json }>(
      await api.json('POST', '/offers', {
        offer: {
          client_id: clientId,
          reduction: '10%',
          'offer-items': {
            'offer-item': [
              { title: 'Küche', quantity: 1, unit_price: '1000', tax_rate: 19 },
              { title: 'Lieferung', quantity: 1, unit_price: '100', tax_rate: 7 },
              { title: 'Spülmaschine', quantity: 1, unit_price: '500', tax_rate: 19, optional: 1 },
            ],
          },
          ...fields,
        },
      }),
      201,
    ).offer
  const itemsOf = async (path: string, parent: string, id: string) =>
    all(
      ok<Record<string, Record<string, Many>>>(await api.json('GET', `/${path}?${parent}=${id}`))[path]![
        path.slice(0, -1)
      ],
    )

  test('an optional offer item is priced but left out of the totals, the taxes and the reduction', async () => {
    const offer = await offerWithOption()

    // 1000 + 100 less 10% = 990 net; 900 at 19% (171) and 90 at 7% (6.30).
    expect(offer.total_net).toBe('990')
    expect(offer.total_gross).toBe('1167.3')
    expect(offer.total_net_unreduced).toBe('1100')
    expect(offer.total_reduction).toBe('110')
    const taxes = all((offer as unknown as { taxes: { tax: Many } }).taxes.tax)
    expect(taxes.map((tax) => [tax.rate, tax.amount])).toEqual([
      ['19', '171'],
      ['7', '6.3'],
    ])
    const items = await itemsOf('offer-items', 'offer_id', offer.id!)
    expect(items.map((item) => [item.title, item.optional, item.total_net, item.total_gross])).toEqual([
      ['Küche', '0', '1000', '1190'],
      ['Lieferung', '0', '100', '107'],
      ['Spülmaschine', '1', '500', '595'],
    ])
  })

  test('marking an item optional through /offer-items takes it out of the totals, and back', async () => {
    const offer = await offerWithOption({ reduction: '' })
    const [kitchen] = await itemsOf('offer-items', 'offer_id', offer.id!)
    ok(await api.json('PUT', `/offer-items/${kitchen!.id}`, { 'offer-item': { optional: 1 } }))
    expect(ok<{ offer: Json }>(await api.json('GET', `/offers/${offer.id}`)).offer.total_net).toBe('100')

    ok(await api.json('PUT', `/offer-items/${kitchen!.id}`, { 'offer-item': { optional: 0 } }))
    ok(
      await api.json('POST', '/offer-items', {
        'offer-item': { offer_id: offer.id, title: 'Backofen', quantity: 1, unit_price: 300, optional: 1 },
      }),
      201,
    )
    expect(ok<{ offer: Json }>(await api.json('GET', `/offers/${offer.id}`)).offer.total_net).toBe('1100')
  })

  test('an invoice and a confirmation made from an offer leave its optional items out', async () => {
    const offer = await offerWithOption()
    ok(await api.json('PUT', `/offers/${offer.id}/complete`))

    const preset = ok<{ invoice: { 'invoice-items': { 'invoice-item': Many } } }>(
      await api.json('GET', `/invoices/preset?offer_id=${offer.id}`),
    ).invoice
    const confirmation = ok<{ confirmation: Json }>(
      await api.json('POST', '/confirmations', { confirmation: { client_id: clientId, offer_id: offer.id } }),
      201,
    ).confirmation
    const invoice = ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', { invoice: { client_id: clientId, offer_id: offer.id } }),
      201,
    ).invoice

    expect(all(preset['invoice-items']['invoice-item']).map((item) => item.title)).toEqual([
      'Küche',
      'Lieferung',
    ])
    // The items carry over, not the offer's reduction: 1000 + 100, without the 500 option.
    expect(confirmation.total_net).toBe('1100')
    const confirmationItems = await itemsOf('confirmation-items', 'confirmation_id', confirmation.id!)
    expect(confirmationItems.map((item) => item.title)).toEqual(['Küche', 'Lieferung'])
    expect(invoice.total_net).toBe('1100')
    expect((await itemsOf('invoice-items', 'invoice_id', invoice.id!)).length).toBe(2)
  })

  test('a confirmation made from an open or lost offer wins it; a cleared offer stays cleared', async () => {
    const status = async (id: string) =>
      ok<{ offer: Json }>(await api.json('GET', `/offers/${id}`)).offer.status
    const confirm = async (offerId: string) =>
      ok(
        await api.json('POST', '/confirmations', {
          confirmation: { client_id: clientId, offer_id: offerId },
        }),
        201,
      )
    const open = await offerWithOption()
    ok(await api.json('PUT', `/offers/${open.id}/complete`))
    const lost = await offerWithOption()
    ok(await api.json('PUT', `/offers/${lost.id}/complete`))
    ok(await api.json('PUT', `/offers/${lost.id}/lose`))
    const cleared = await offerWithOption()
    ok(await api.json('PUT', `/offers/${cleared.id}/complete`))
    ok(await api.json('PUT', `/offers/${cleared.id}/clear`))

    await confirm(open.id!)
    await confirm(lost.id!)
    await confirm(cleared.id!)

    expect(await status(open.id!)).toBe('WON')
    expect(await status(lost.id!)).toBe('WON')
    expect(await status(cleared.id!)).toBe('CLEARED')
  })

  test("an offer's validity comes from its client's own offer_validity_days, else the settings", async () => {
    const client = ok<{ client: Json }>(
      await api.json('POST', '/clients', {
        client: { name: 'Eilig KG', offer_validity_days_type: 'ABSOLUTE', offer_validity_days: 7 },
      }),
      201,
    ).client

    const own = ok<{ offer: Json }>(
      await api.json('POST', '/offers', { offer: { client_id: client.id, date: '2026-11-02' } }),
      201,
    ).offer
    const settings = ok<{ offer: Json }>(
      await api.json('POST', '/offers', { offer: { client_id: clientId, date: '2026-11-02' } }),
      201,
    ).offer

    expect([own.validity_days, own.validity_date]).toEqual(['7', '2026-11-09'])
    expect(settings.validity_days).toBe('30')
  })

  test('with CONSIDER_PREFIX each prefix of a kind is numbered on its own', async () => {
    const complete = async (path: string, element: string, fields: Record<string, unknown>) => {
      const draft = ok<Record<string, Json>>(
        await api.json('POST', `/${path}`, { [element]: { client_id: clientId, ...fields } }),
        201,
      )[element]!
      return ok<Record<string, Json>>(await api.json('PUT', `/${path}/${draft.id}/complete`))[element]!
    }
    ok(await api.json('PUT', '/settings', { settings: { number_range_mode: 'CONSIDER_PREFIX' } }))
    const plain = await complete('offers', 'offer', {})
    const first = await complete('offers', 'offer', { number_pre: 'WEB-' })
    const second = await complete('offers', 'offer', { number_pre: 'WEB-' })
    const next = await complete('offers', 'offer', {})
    const note = await complete('delivery-notes', 'delivery-note', { number_pre: 'X' })

    expect([first.offer_number, second.offer_number]).toEqual(['WEB-1', 'WEB-2'])
    expect(Number(next.number)).toBe(Number(plain.number) + 1)
    expect(note.delivery_note_number).toBe('X1')

    ok(await api.json('PUT', '/settings', { settings: { number_range_mode: 'IGNORE_PREFIX' } }))
    const shared = await complete('offers', 'offer', { number_pre: 'WEB-' })
    expect(shared.offer_number).toBe(`WEB-${Number(next.number) + 1}`)
  })

  test("a delivery note's invoice_id and a letter's supplier_id must exist", async () => {
    const invoice = ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          'invoice-items': { 'invoice-item': { title: 'Tisch', quantity: 2, unit_price: 80, unit: 'Stück' } },
        },
      }),
      201,
    ).invoice
    const supplier = ok<{ supplier: Json }>(
      await api.json('POST', '/suppliers', {
        supplier: { name: 'Holz AG', street: 'Waldweg 3', zip: '35708', city: 'Haiger' },
      }),
      201,
    ).supplier

    const unknownInvoice = await api.json('POST', '/delivery-notes', {
      'delivery-note': { client_id: clientId, invoice_id: 9999 },
    })
    const unknownSupplier = await api.json('POST', '/letters', { letter: { supplier_id: 9999 } })
    const clientAsSupplier = await api.json('POST', '/letters', { letter: { supplier_id: clientId } })
    const note = ok<{ 'delivery-note': Json }>(
      await api.json('POST', '/delivery-notes', {
        'delivery-note': { client_id: clientId, invoice_id: invoice.id },
      }),
      201,
    )['delivery-note']
    const editedNote = await api.json('PUT', `/delivery-notes/${note.id}`, {
      'delivery-note': { invoice_id: 9999 },
    })
    const letter = ok<{ letter: Json }>(
      await api.json('POST', '/letters', { letter: { supplier_id: supplier.id, subject: 'Lieferung' } }),
      201,
    ).letter

    expect(unknownInvoice.statusCode).toBe(400)
    expect(unknownInvoice.json().errors.error).toMatch(/invoice_id/)
    expect(unknownSupplier.statusCode).toBe(400)
    expect(unknownSupplier.json().errors.error).toMatch(/supplier_id/)
    expect(clientAsSupplier.statusCode).toBe(400)
    expect(note.invoice_id).toBe(invoice.id)
    const noteItems = await itemsOf('delivery-note-items', 'delivery_note_id', note.id!)
    expect(noteItems.map((item) => [item.title, item.quantity, item.unit])).toEqual([['Tisch', '2', 'Stück']])
    const unknownOffer = await api.json('POST', '/confirmations', {
      confirmation: { client_id: clientId, offer_id: 9999 },
    })
    expect(unknownOffer.statusCode).toBe(400)
    expect(unknownOffer.json().errors.error).toBe('offer_id: offer 9999 does not exist')
    expect(editedNote.statusCode).toBe(400)
    expect(letter.supplier_id).toBe(supplier.id)
    expect(letter.address).toBe('Holz AG\nWaldweg 3\n35708 Haiger')
  })
})

describeEachEngine('billomat sales document pages', ({ storage }) => {
  let api: Billomat
  let clientId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Portal GmbH')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  const completed = async (path: string, element: string, fields: Record<string, unknown>) => {
    const draft = ok<Record<string, Json>>(
      await api.json('POST', `/${path}`, { [element]: { client_id: clientId, ...fields } }),
      201,
    )[element]!
    return ok<Record<string, Json>>(await api.json('PUT', `/${path}/${draft.id}/complete`))[element]!
  }
  const offerItems = {
    'offer-items': {
      'offer-item': [
        { title: 'Dach', quantity: 1, unit_price: 2000, tax_rate: 19 },
        { title: 'Regenrinne', quantity: 1, unit_price: 300, tax_rate: 19, optional: 1 },
        { title: 'Solaranlage', quantity: 1, unit_price: 5000, tax_rate: 19, optional: 1 },
      ],
    },
  }
  const pathOf = (url: string) => new URL(url).pathname
  const form = (fields: Record<string, string>) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  })

  test('offers, confirmations and delivery notes link their page; a draft page is not found', async () => {
    const draft = ok<{ offer: Json }>(
      await api.json('POST', '/offers', { offer: { client_id: clientId, ...offerItems } }),
      201,
    ).offer
    const offer = await completed('offers', 'offer', offerItems)
    // Read before the confirmation below wins the offer.
    const offerPage = await api.app.inject({ url: pathOf(offer.customerportal_url!) })
    const confirmation = await completed('confirmations', 'confirmation', { offer_id: offer.id })
    const note = await completed('delivery-notes', 'delivery-note', { confirmation_id: confirmation.id })
    const letter = await completed('letters', 'letter', { subject: 'Hallo' })

    for (const document of [offer, confirmation, note])
      expect(document.customerportal_url).toMatch(/^https:\/\/faktura\.example\/d\/[A-Za-z0-9_-]{32}$/)
    expect(letter.customerportal_url).toBeUndefined()
    const draftPage = await api.app.inject({ url: pathOf(draft.customerportal_url!) })
    const confirmationPage = await api.app.inject({ url: pathOf(confirmation.customerportal_url!) })
    const notePdf = await api.app.inject({ url: `${pathOf(note.customerportal_url!)}/pdf` })

    expect(draftPage.statusCode).toBe(404)
    expect(offerPage.statusCode).toBe(200)
    expect(offerPage.body).toContain(`Angebot ${offer.offer_number}`)
    expect(offerPage.body).toContain('name="option-2"')
    expect(offerPage.body).toContain('action="/d/')
    expect(confirmationPage.statusCode).toBe(200)
    expect(confirmationPage.body).not.toContain('<form')
    expect(notePdf.headers['content-type']).toBe('application/pdf')
    expect(notePdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const refused = await api.app.inject({
      url: `${pathOf(confirmation.customerportal_url!)}/accept`,
      ...form({}),
    })
    expect(refused.statusCode).toBe(400)
  })

  test('accepting on the page wins the offer once, and the chosen option is invoiced', async () => {
    const offer = await completed('offers', 'offer', offerItems)
    const page = pathOf(offer.customerportal_url!)

    const accepted = await api.app.inject({ url: `${page}/accept`, ...form({ 'option-3': '1' }) })
    const again = await api.app.inject({ url: `${page}/decline`, ...form({}) })
    const invoice = ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', { invoice: { client_id: clientId, offer_id: offer.id } }),
      201,
    ).invoice
    const answeredPage = await api.app.inject({ url: page })

    expect(accepted.statusCode).toBe(303)
    expect(again.statusCode).toBe(400)
    expect(ok<{ offer: Json }>(await api.json('GET', `/offers/${offer.id}`)).offer.status).toBe('CLEARED')
    // 2000 for the roof and the 5000 option chosen; the gutter was not.
    expect(invoice.total_net).toBe('7000')
    expect(answeredPage.body).toContain('Das Angebot ist angenommen.')
    const events = await storage()
      .db.selectFrom('events')
      .select(['type', 'data'])
      .where('organization_id', '=', api.tenant.organizationId)
      .where('type', '=', 'offer.status')
      .execute()
    const byRecipient = events
      .map((event) => JSON.parse(event.data))
      .filter((data) => data.by === 'recipient')
    expect(byRecipient).toContainEqual(expect.objectContaining({ action: 'win', chosenLineNos: [3] }))
  })

  test('declining on the page loses the offer; an expired offer can no longer be accepted', async () => {
    const declined = await completed('offers', 'offer', offerItems)
    const expired = await completed('offers', 'offer', {
      ...offerItems,
      date: '2026-09-01',
      validity_days: 10,
    })

    const decline = await api.app.inject({
      url: `${pathOf(declined.customerportal_url!)}/decline`,
      ...form({}),
    })
    const late = await api.app.inject({ url: `${pathOf(expired.customerportal_url!)}/accept`, ...form({}) })
    const unknownOption = await api.app.inject({
      url: `${pathOf(declined.customerportal_url!)}/accept`,
      ...form({ 'option-1': '1' }),
    })

    expect(decline.statusCode).toBe(303)
    expect(ok<{ offer: Json }>(await api.json('GET', `/offers/${declined.id}`)).offer.status).toBe('LOST')
    expect(late.statusCode).toBe(400)
    expect(late.body).toContain('valid until 2026-09-11')
    expect(ok<{ offer: Json }>(await api.json('GET', `/offers/${expired.id}`)).offer.status).toBe('OPEN')
    expect(unknownOption.statusCode).toBe(400)
  })
})
