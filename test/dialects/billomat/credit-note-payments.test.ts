// Proves /credit-note-payments over HTTP on both engines, in JSON and XML: a payment on a credit
// note is a refund of what it credited beyond what its invoice still owed, posted as Dr customer
// balance / Cr bank; it is never more than the credit note or the customer's balance leaves, it is
// listed and read back positive, and deleting it voids it. The ledger balances after each test.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { accountBalances } from '../../support/core-fixtures.ts'
import { describeEachEngine } from '../../support/engines.ts'
import { type Billomat, expectLedgerBalanced, ok, openBillomat } from './harness.ts'

type Json = Record<string, string>

describeEachEngine('billomat credit-note payments', ({ storage }) => {
  let api: Billomat
  let clientId: string
  beforeAll(async () => {
    api = await openBillomat(storage())
    clientId = await api.client('Erstattung GmbH')
  })
  afterEach(async () => expectLedgerBalanced(storage(), api.tenant))
  afterAll(async () => api.close())

  /** A completed invoice of 2 × 100 at 19 %, paid in full when `paid`, and a completed credit note of one. */
  const creditedInvoice = async (paid: boolean) => {
    const invoice = ok<{ invoice: Json }>(
      await api.json('POST', '/invoices', {
        invoice: {
          client_id: clientId,
          'invoice-items': { 'invoice-item': { title: 'Stuhl', quantity: 2, unit_price: 100, tax_rate: 19 } },
        },
      }),
      201,
    ).invoice
    ok(await api.json('PUT', `/invoices/${invoice.id}/complete`))
    if (paid)
      ok(
        await api.json('POST', '/invoice-payments', {
          'invoice-payment': { invoice_id: invoice.id, amount: '238' },
        }),
        201,
      )
    const note = ok<{ 'credit-note': Json }>(
      await api.json('POST', '/credit-notes', {
        'credit-note': {
          client_id: clientId,
          invoice_id: invoice.id,
          'credit-note-items': {
            'credit-note-item': { title: 'Rückgabe', quantity: 1, unit_price: 100, tax_rate: 19 },
          },
        },
      }),
      201,
    )['credit-note']
    return ok<{ 'credit-note': Json }>(await api.json('PUT', `/credit-notes/${note.id}/complete`))[
      'credit-note'
    ]
  }

  const balances = () => accountBalances(storage(), api.tenant.organizationId)

  test('a refund of a credit note on a paid invoice pays the customer back from the bank', async () => {
    const note = await creditedInvoice(true)
    const before = await balances()

    const refund = ok<{ 'credit-note-payment': Json }>(
      await api.json('POST', '/credit-note-payments', {
        'credit-note-payment': {
          credit_note_id: note.id,
          amount: '100',
          type: 'BANK_TRANSFER',
          comment: 'Erstattet',
        },
      }),
      201,
    )['credit-note-payment']
    const tooMuch = await api.json('POST', '/credit-note-payments', {
      'credit-note-payment': { credit_note_id: note.id, amount: '20' },
    })
    const listed = ok<{ 'credit-note-payments': { 'credit-note-payment': Json } }>(
      await api.json('GET', `/credit-note-payments?credit_note_id=${note.id}`),
    )['credit-note-payments']['credit-note-payment']

    expect(refund).toMatchObject({
      credit_note_id: note.id,
      amount: '100',
      type: 'BANK_TRANSFER',
      comment: 'Erstattet',
    })
    expect(tooMuch.statusCode).toBe(400)
    expect(tooMuch.json().errors.error).toMatch(/refund/)
    expect(listed.id).toBe(refund.id)
    const after = await balances()
    const moved = [...after].flatMap(([account, balance]) => {
      const change = balance - (before.get(account) ?? 0n)
      return change === 0n ? [] : [change]
    })
    expect(moved.sort((a, b) => (a < b ? -1 : 1))).toEqual([-10000n, 10000n])
  })

  test('deleting a refund voids it, and the amount can be refunded again', async () => {
    const note = await creditedInvoice(true)
    const refund = ok<{ 'credit-note-payment': Json }>(
      await api.json('POST', '/credit-note-payments', {
        'credit-note-payment': { credit_note_id: note.id, amount: '119' },
      }),
      201,
    )['credit-note-payment']

    expect((await api.json('DELETE', `/credit-note-payments/${refund.id}`)).statusCode).toBe(200)
    const gone = await api.json('GET', `/credit-note-payments/${refund.id}`)
    const again = await api.xml(
      'POST',
      '/credit-note-payments',
      `<?xml version="1.0" encoding="UTF-8"?><credit-note-payment><credit_note_id>${note.id}</credit_note_id><date>2026-11-02</date><amount>119</amount><type>CASH</type><mark_credit_note_as_paid>1</mark_credit_note_as_paid></credit-note-payment>`,
    )

    expect(gone.statusCode).toBe(404)
    expect(again.statusCode).toBe(201)
    expect(again.body).toContain('<amount type="float">119</amount>')
    expect(again.body).toContain('<type>CASH</type>')
  })

  test('a credit note that only reduced what its invoice owed has nothing to refund', async () => {
    const note = await creditedInvoice(false)

    const refused = await api.json('POST', '/credit-note-payments', {
      'credit-note-payment': { credit_note_id: note.id, amount: '10' },
    })
    const missing = await api.json('POST', '/credit-note-payments', {
      'credit-note-payment': { amount: '10' },
    })

    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors.error).toMatch(/beyond what its invoice still owed/)
    expect(missing.statusCode).toBe(400)
    expect(missing.json().errors.error).toMatch(/credit_note_id/)
  })
})
