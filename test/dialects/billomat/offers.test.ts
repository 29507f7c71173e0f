// Proves /offers over HTTP on both engines, in JSON and XML: a DRAFT offer with items inline,
// edited, completed with a gap-free AN number and a validity date, its items, tags and comments,
// filters, PDF, and every state action (win, lose, cancel, uncancel, clear, unclear) with its
// refusals; nothing is posted, and the ledger balances after each test.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, string>

describeEachEngine('billomat offers', ({ storage }) => {
  let api: Billomat
  let clientId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Angebot GmbH')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  const createOffer = async (fields: Record<string, unknown> = {}) =>
    ok<{ offer: Json }>(
      await api.json('POST', '/offers', {
        offer: {
          client_id: clientId,
          date: '2026-11-02',
          title: 'Angebot [Offer.offer_number]',
          intro: 'Wir bieten Ihnen an:',
          'offer-items': {
            'offer-item': [
              { title: 'Beratung', quantity: '5.2', unit_price: '10', tax_rate: '19', reduction: '10' },
              { title: 'Buch', quantity: 2, unit_price: 20, tax_rate: 7 },
            ],
          },
          ...fields,
        },
      }),
      201,
    ).offer

  test('an offer is a DRAFT with its items and totals, numbered from the settings when completed', async () => {
    const draft = await createOffer()
    expect(draft.status).toBe('DRAFT')
    expect(draft.offer_number).toBe('')
    expect(draft.total_net).toBe('82')
    expect(draft.total_gross).toBe('92.78')
    expect(draft.validity_days).toBe('30')
    expect(draft.validity_date).toBe('2026-12-02')
    const items = ok<{ 'offer-items': { 'offer-item': Json[] } }>(
      await api.json('GET', `/offer-items?offer_id=${draft.id}`),
    )['offer-items']['offer-item']
    expect(items.map((item) => [item.title, item.total_net, item.total_gross])).toEqual([
      ['Beratung', '42', '49.98'],
      ['Buch', '40', '42.8'],
    ])

    const completed = ok<{ offer: Json }>(await api.json('PUT', `/offers/${draft.id}/complete`)).offer
    const next = ok<{ offer: Json }>(
      await api.json('PUT', `/offers/${(await createOffer()).id}/complete`, { complete: {} }),
    ).offer

    const settings = ok<{ settings: Json }>(await api.json('GET', '/settings')).settings
    expect(settings.offer_number_next).toBe(String(Number(next.number) + 1))
    expect(completed.status).toBe('OPEN')
    expect(completed.number_pre).toBe('AN')
    expect(Number(next.number)).toBe(Number(completed.number) + 1)
    expect(completed.offer_number).toBe(`AN${completed.number}`)
    expect(completed.title).toBe(`Angebot AN${completed.number}`)
    const refused = await api.json('PUT', `/offer-items/${items[0]!.id}`, { 'offer-item': { quantity: 1 } })
    expect(refused.statusCode).toBe(400)
  })

  test('a draft offer is edited and deleted; a completed one is not', async () => {
    const draft = await createOffer()
    const edited = ok<{ offer: Json }>(
      await api.json('PUT', `/offers/${draft.id}`, {
        offer: { label: 'Projekt X', validity_days: 14, reduction: '10%' },
      }),
    ).offer
    expect(edited.label).toBe('Projekt X')
    expect(edited.validity_date).toBe('2026-11-16')
    expect(edited.total_net).toBe('73.8')
    expect(edited.total_reduction).toBe('8.2')

    expect((await api.json('DELETE', `/offers/${draft.id}`)).statusCode).toBe(200)
    expect((await api.json('GET', `/offers/${draft.id}`)).statusCode).toBe(404)

    const completed = ok<{ offer: Json }>(
      await api.json('PUT', `/offers/${(await createOffer()).id}/complete`),
    ).offer
    expect((await api.json('PUT', `/offers/${completed.id}`, { offer: { label: 'x' } })).statusCode).toBe(400)
    expect((await api.json('DELETE', `/offers/${completed.id}`)).statusCode).toBe(400)
  })

  test('an offer is won, lost, cancelled, uncancelled, cleared and uncleared; a DRAFT refuses them', async () => {
    const draft = await createOffer()
    const refused = await api.json('PUT', `/offers/${draft.id}/win`, null)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors.error).toMatch(/draft/)
    ok(await api.json('PUT', `/offers/${draft.id}/complete`))
    const status = async (action: string) =>
      ok<{ offer: Json }>(await api.json('PUT', `/offers/${draft.id}/${action}`, null)).offer.status

    expect(await status('win')).toBe('WON')
    expect(await status('lose')).toBe('LOST')
    expect(await status('cancel')).toBe('CANCELED')
    expect(await status('uncancel')).toBe('LOST')
    expect(await status('win')).toBe('WON')
    expect(await status('clear')).toBe('CLEARED')
    expect((await api.json('PUT', `/offers/${draft.id}/win`)).statusCode).toBe(400)
    expect(await status('unclear')).toBe('WON')
  })

  test('offers are listed by status, number, client, text, tag and article, in XML and JSON', async () => {
    const tagged = await createOffer({ label: 'Dachausbau' })
    ok(await api.json('POST', '/offer-tags', { 'offer-tag': { offer_id: tagged.id, name: 'Dach' } }), 201)
    ok(
      await api.json('POST', '/offer-comments', {
        'offer-comment': { offer_id: tagged.id, comment: 'Rückruf' },
      }),
      201,
    )
    const ids = async (query: string) =>
      ([] as Json[])
        .concat(
          ok<{ offers: { offer?: Json | Json[] } }>(await api.json('GET', `/offers?${query}`)).offers.offer ??
            [],
        )
        .map((offer) => offer.id)

    expect(await ids('tags=dach')).toEqual([tagged.id])
    expect(await ids('label=dachaus')).toEqual([tagged.id])
    expect(await ids(`client_id=${clientId}&status=DRAFT`)).toContain(tagged.id)
    expect(await ids('status=WON,LOST')).not.toContain(tagged.id)
    const comments = ok<{ 'offer-comments': { 'offer-comment': Json } }>(
      await api.json('GET', `/offer-comments?offer_id=${tagged.id}`),
    )['offer-comments']['offer-comment']
    expect(comments.comment).toBe('Rückruf')
    expect((await api.json('GET', '/offers?status=PAID')).statusCode).toBe(400)
    const xml = await api.xml('GET', `/offers/${tagged.id}`)
    expect(xml.body).toContain('<offer>')
    expect(xml.body).toContain('<validity_date type="date">2026-12-02</validity_date>')
    expect(xml.body).toMatch(/<taxes type="array"><tax>/)
  })

  test('an offer written in XML is created and answered in the vendor shape', async () => {
    const created = await api.xml(
      'POST',
      '/offers',
      `<?xml version="1.0" encoding="UTF-8"?>
<offer>
  <client_id>${clientId}</client_id>
  <label>project 123</label>
  <intro>We are pleased to offer you the following items:</intro>
  <note>We are looking forward to your answer.</note>
  <reduction>10</reduction>
  <offer-items>
    <offer-item><unit>Stück</unit><quantity>5</quantity><unit_price>20</unit_price><tax_rate>19</tax_rate><title>Teil</title></offer-item>
    <offer-item><quantity>1</quantity><unit_price>50</unit_price><tax_rate>19</tax_rate><title>Wartung</title><optional>1</optional></offer-item>
  </offer-items>
</offer>`,
    )

    expect(created.statusCode).toBe(201)
    const id = /<id type="integer">(\d+)<\/id>/.exec(created.body)![1]
    const items = await api.xml('GET', `/offer-items?offer_id=${id}`)
    expect(items.body).toContain('<optional>0</optional>')
    expect(items.body).toContain('<optional>1</optional>')
    for (const element of [
      '<status>DRAFT</status>',
      '<total_gross type="float">107.1</total_gross>',
      '<total_net type="float">90</total_net>',
      '<total_gross_unreduced type="float">119</total_gross_unreduced>',
      '<net_gross>NET</net_gross>',
      '<reduction>10</reduction>',
      '<currency_code>EUR</currency_code>',
    ])
      expect(created.body).toContain(element)
  })

  test('a completed offer has a PDF; a draft has none', async () => {
    const draft = await createOffer()
    expect((await api.json('GET', `/offers/${draft.id}/pdf`)).statusCode).toBe(400)
    ok(await api.json('PUT', `/offers/${draft.id}/complete`))

    const pdf = ok<{ pdf: Json }>(await api.json('GET', `/offers/${draft.id}/pdf`)).pdf
    const raw = await api.json('GET', `/offers/${draft.id}/pdf?format=pdf`)

    expect(pdf.offer_id).toBe(draft.id)
    expect(Buffer.from(pdf.base64file!, 'base64').subarray(0, 4).toString()).toBe('%PDF')
    expect(raw.headers['content-type']).toBe('application/pdf')
  })
})
