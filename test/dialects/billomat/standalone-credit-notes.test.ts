// Proves Billomat credit notes without invoice_id over HTTP on both engines, in JSON and XML: they
// complete into the core's stand-alone credit (numbered in the credit-note series, posted as what
// the organization owes the customer) while Billomat's wire shows them positive, OPEN until paid
// out through /credit-note-payments (Dr receivable / Cr bank), never beyond what is left, and a
// deleted pay-out gives the credit back. The ledger balances after each test.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { accountBalances } from '../../support/core-fixtures.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = { id: string } & Record<string, string>

describeEachEngine('billomat stand-alone credit notes', ({ storage }) => {
  let api: Billomat
  let clientId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Kulanz GmbH')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  /** A credit note of 2 × 50 at 19 % crediting no invoice, as a DRAFT. */
  const looseDraft = async () =>
    ok<{ 'credit-note': Json }>(
      await api.json('POST', '/credit-notes', {
        'credit-note': {
          client_id: clientId,
          title: 'Gutschrift über [CreditNote.total_gross]',
          'credit-note-items': {
            'credit-note-item': { title: 'Kulanz', quantity: 2, unit_price: 50, tax_rate: 19 },
          },
        },
      }),
      201,
    )['credit-note']

  const complete = async (id: string) =>
    ok<{ 'credit-note': Json }>(await api.json('PUT', `/credit-notes/${id}/complete`))['credit-note']

  const get = async (id: string) =>
    ok<{ 'credit-note': Json }>(await api.json('GET', `/credit-notes/${id}`))['credit-note']

  const balances = () => accountBalances(storage(), api.tenant.organizationId)

  /** The non-zero changes of the account balances since `before`, in ascending order. */
  const movedSince = async (before: Map<string, bigint>) =>
    [...(await balances())]
      .flatMap(([account, balance]) => {
        const change = balance - (before.get(account) ?? 0n)
        return change === 0n ? [] : [change]
      })
      .sort((a, b) => (a < b ? -1 : 1))

  test('completing one without invoice_id numbers it, shows it positive and posts what is owed', async () => {
    const draft = await looseDraft()
    const before = await balances()

    const completed = await complete(draft.id)

    expect(completed).toMatchObject({
      id: draft.id,
      status: 'OPEN',
      total_net: '100',
      total_gross: '119',
      paid_amount: '0',
      open_amount: '119',
    })
    expect(completed.credit_note_number).toMatch(/^GU\d+$/)
    expect(completed.title).toMatch(/^Gutschrift über 119/)
    expect(await movedSince(before)).toEqual([-11900n, 1900n, 10000n])
    const items = ok<{ 'credit-note-items': { 'credit-note-item': Json } }>(
      await api.json('GET', `/credit-note-items?credit_note_id=${draft.id}`),
    )['credit-note-items']['credit-note-item']
    expect(items).toMatchObject({ quantity: '2', unit_price: '50', total_gross: '119' })
    const pdf = await api.json('GET', `/credit-notes/${draft.id}/pdf?format=pdf`)
    expect(pdf.statusCode).toBe(200)
    // The client's first document: its revenue is this credit, taken off.
    const client = ok<{ client: Json }>(await api.json('GET', `/clients/${clientId}`)).client
    expect(client).toMatchObject({ revenue_net: '-100', revenue_gross: '-119' })
  })

  test('it is paid out through /credit-note-payments, never beyond what is left, and a delete gives it back', async () => {
    const note = await complete((await looseDraft()).id)
    const before = await balances()

    const payout = ok<{ 'credit-note-payment': Json }>(
      await api.json('POST', '/credit-note-payments', {
        'credit-note-payment': { credit_note_id: note.id, amount: '119', type: 'BANK_TRANSFER' },
      }),
      201,
    )['credit-note-payment']
    const tooMuch = await api.json('POST', '/credit-note-payments', {
      'credit-note-payment': { credit_note_id: note.id, amount: '1' },
    })
    const paid = await get(note.id)
    const listed = ok<{ 'credit-note-payments': { 'credit-note-payment': Json } }>(
      await api.json('GET', `/credit-note-payments?credit_note_id=${note.id}`),
    )['credit-note-payments']['credit-note-payment']

    expect(payout).toMatchObject({ credit_note_id: note.id, amount: '119', type: 'BANK_TRANSFER' })
    expect(tooMuch.statusCode).toBe(400)
    expect(paid).toMatchObject({ status: 'PAID', paid_amount: '119', open_amount: '0' })
    expect(listed.id).toBe(payout.id)
    expect(await movedSince(before)).toEqual([-11900n, 11900n])

    expect((await api.json('DELETE', `/credit-note-payments/${payout.id}`)).statusCode).toBe(200)
    expect(await get(note.id)).toMatchObject({ status: 'OPEN', paid_amount: '0', open_amount: '119' })
    expect(await movedSince(before)).toEqual([])
  })

  test('in XML: created, completed and partly paid out, each answered in XML', async () => {
    const created = await api.xml(
      'POST',
      '/credit-notes',
      `<?xml version="1.0" encoding="UTF-8"?><credit-note><client_id>${clientId}</client_id><credit-note-items><credit-note-item><title>Bonus</title><quantity>1</quantity><unit_price>200</unit_price><tax_rate>19</tax_rate></credit-note-item></credit-note-items></credit-note>`,
    )
    expect(created.statusCode, created.body).toBe(201)
    const id = /<id type="integer">(\d+)<\/id>/.exec(created.body)?.[1]

    const completed = await api.xml('PUT', `/credit-notes/${id}/complete`)
    const payout = await api.xml(
      'POST',
      '/credit-note-payments',
      `<?xml version="1.0" encoding="UTF-8"?><credit-note-payment><credit_note_id>${id}</credit_note_id><date>2026-11-02</date><amount>100</amount><type>CASH</type></credit-note-payment>`,
    )
    const after = await api.xml('GET', `/credit-notes/${id}`)

    expect(completed.statusCode, completed.body).toBe(200)
    expect(completed.body).toContain('<status>OPEN</status>')
    expect(completed.body).toContain('<total_gross type="float">238</total_gross>')
    expect(payout.statusCode, payout.body).toBe(201)
    expect(payout.body).toContain('<amount type="float">100</amount>')
    expect(after.body).toContain('<open_amount type="float">138</open_amount>')
    expect(after.body).toContain('<paid_amount type="float">100</paid_amount>')
  })

  test('one that credits nothing is refused on completion and stays a DRAFT', async () => {
    const draft = ok<{ 'credit-note': Json }>(
      await api.json('POST', '/credit-notes', {
        'credit-note': {
          client_id: clientId,
          'credit-note-items': { 'credit-note-item': { title: 'nichts', quantity: 1, unit_price: 0 } },
        },
      }),
      201,
    )['credit-note']

    const response = await api.json('PUT', `/credit-notes/${draft.id}/complete`)

    expect(response.statusCode).toBe(400)
    expect(response.json().errors.error).toMatch(/positive/)
    expect((await get(draft.id)).status).toBe('DRAFT')
  })
})
