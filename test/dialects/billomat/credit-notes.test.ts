// Proves /credit-notes over HTTP on both engines: a DRAFT credit note with items inline for an
// invoice, edited and completed into the core's credit note under the same id (numbered, posted,
// applied to the invoice), its items, filters, PDF and email; the ledger balances after each test.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, string>

describeEachEngine('billomat credit notes', ({ storage }) => {
  let api: Billomat
  let clientId: string
  let invoice: Json
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Gutschrift GmbH')
    invoice = ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          'invoice-items': { 'invoice-item': { title: 'Ware', quantity: 10, unit_price: 20, tax_rate: 19 } },
        },
      }),
      201,
    ).invoice
    invoice = ok<{ invoice: Json }>(await api.json('PUT', `/invoices/${invoice.id}/complete`)).invoice
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  const createNote = async (fields: Record<string, unknown> = {}) =>
    ok<{ 'credit-note': Json }>(
      await api.json('POST', '/credit-notes', {
        'credit-note': {
          client_id: clientId,
          invoice_id: invoice.id,
          title: 'Gutschrift zu [Invoice.invoice_number]',
          'credit-note-items': {
            'credit-note-item': { title: 'Rücknahme', quantity: 2, unit_price: 20, tax_rate: 19 },
          },
          ...fields,
        },
      }),
      201,
    )['credit-note']

  test('a credit note is a DRAFT with its items until completed, then applied to its invoice under the same id', async () => {
    const draft = await createNote()
    const item = ok<{ 'credit-note-item': Json }>(
      await api.json('POST', '/credit-note-items', {
        'credit-note-item': {
          credit_note_id: draft.id,
          title: 'Porto',
          quantity: 1,
          unit_price: 5,
          tax_rate: 19,
        },
      }),
      201,
    )['credit-note-item']

    const completed = ok<{ 'credit-note': Json }>(
      await api.json('PUT', `/credit-notes/${draft.id}/complete`),
    )['credit-note']
    const credited = ok<{ invoice: Json }>(await api.json('GET', `/invoices/${invoice.id}`)).invoice

    expect(draft).toMatchObject({
      status: 'DRAFT',
      invoice_id: invoice.id,
      total_gross: '47.6',
      credit_note_number: '',
    })
    expect(item).toMatchObject({ credit_note_id: draft.id, position: '2' })
    expect(completed).toMatchObject({
      id: draft.id,
      status: 'PAID',
      total_net: '45',
      total_gross: '53.55',
      invoice_id: invoice.id,
    })
    expect(completed.credit_note_number).toMatch(/^GU\d+$/)
    expect(credited).toMatchObject({ status: 'OPEN', open_amount: '184.45' })
  })

  test('a credit note for an invoice in another currency, or more than is left, is refused', async () => {
    const currency = await api.json('POST', '/credit-notes', {
      'credit-note': { client_id: clientId, invoice_id: invoice.id, currency_code: 'USD' },
    })
    const big = await createNote({
      'credit-note-items': {
        'credit-note-item': { title: 'alles', quantity: 100, unit_price: 20, tax_rate: 19 },
      },
    })

    const response = await api.json('PUT', `/credit-notes/${big.id}/complete`)

    expect(currency.statusCode).toBe(400)
    expect(currency.json().errors.error).toContain('currency_code')
    expect(response.statusCode).toBe(400)
    expect(
      ok<{ 'credit-note': Json }>(await api.json('GET', `/credit-notes/${big.id}`))['credit-note'].status,
    ).toBe('DRAFT')
    await api.json('DELETE', `/credit-notes/${big.id}`)
  })

  test('credit notes are edited in DRAFT, listed by their filters, and rendered as PDF', async () => {
    const draft = await createNote({ label: 'Reklamation' })
    const edited = ok<{ 'credit-note': Json }>(
      await api.json('PUT', `/credit-notes/${draft.id}`, {
        'credit-note': { label: 'Reklamation 2', invoice_id: 1 },
      }),
    )['credit-note']
    const completed = ok<{ 'credit-note': Json }>(
      await api.json('PUT', `/credit-notes/${draft.id}/complete`),
    )['credit-note']

    const byNumber = ok<{ 'credit-notes': Json }>(
      await api.json('GET', `/credit-notes?credit_note_number=${completed.credit_note_number}`),
    )['credit-notes']
    const byStatus = ok<{ 'credit-notes': Json }>(
      await api.json('GET', `/credit-notes?status=PAID&label=reklamation`),
    )['credit-notes']
    const pdf = ok<{ pdf: Json }>(await api.json('GET', `/credit-notes/${draft.id}/pdf`)).pdf
    const groups = ok<{ 'credit-note-groups': Json }>(
      await api.json('GET', `/credit-notes?group_by=client&client_id=${clientId}`),
    )['credit-note-groups']

    expect(edited).toMatchObject({ label: 'Reklamation 2', invoice_id: invoice.id })
    expect(completed.title).toBe(`Gutschrift zu ${invoice.invoice_number}`)
    expect(byNumber['@total']).toBe('1')
    expect(byStatus['@total']).toBe('1')
    expect(pdf.credit_note_id).toBe(draft.id)
    expect(Buffer.from(pdf.base64file!, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(groups['credit-note-group']).toBeDefined()
  })

  test('a completed credit note is emailed through the outbox', async () => {
    const draft = await createNote()
    await api.json('PUT', `/credit-notes/${draft.id}/complete`)

    const response = await api.json('POST', `/credit-notes/${draft.id}/email`, {
      email: { recipients: { to: ['kunde@example.com'] } },
    })

    expect(response.statusCode).toBe(200)
    const rows = await storage()
      .db.selectFrom('outbox')
      .select('payload')
      .where('organization_id', '=', api.tenant.organizationId)
      .where('kind', '=', 'invoice.email')
      .execute()
    expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({
      to: ['kunde@example.com'],
      pdfFilename: expect.stringMatching(/^credit-note_.*\.pdf$/),
    })
  })
})
