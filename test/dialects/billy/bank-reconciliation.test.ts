// Proves Billy's bank reconciliation on both engines: a match whose bank line equals an unpaid
// invoice pays it through the bank account when approved and marks the bank postings matched; an
// existing bank payment is matched as it is; lines that do not add up are refused with nothing
// written; an approved match cannot change; unapproving voids the payment approval made.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

type Posting = { id: string; accountId: string; isBankMatched: boolean }

describeEachEngine('billy bank reconciliation', ({ storage }) => {
  let world: BillyWorld
  let contactId: string
  let productId: string
  let bankId: string
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    contactId = (
      await world.client.post('/contacts', { contact: { name: 'Kunde ApS', countryId: 'DK' } })
    ).json().contacts[0].id
    productId = (
      await world.client.post('/products', {
        product: { name: 'Ydelse', prices: [{ unitPrice: 1000, currencyId: 'DKK' }] },
      })
    ).json().products[0].id
    bankId = (await world.client.get('/accounts?accountNo=5710')).json().accounts[0].id
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  async function approvedInvoice(): Promise<string> {
    const response = await world.client.post('/invoices', {
      invoice: {
        contactId,
        entryDate: '2026-10-01',
        state: 'approved',
        lines: [{ productId, unitPrice: 1000 }],
      },
    })
    return response.json().invoices[0].id
  }

  async function match(amount: number, subjectReference: string): Promise<string> {
    const created = await world.client.post('/bankLineMatches', { bankLineMatch: { accountId: bankId } })
    const matchId = created.json().bankLineMatches[0].id
    await world.client.post('/bankLines', {
      bankLine: {
        matchId,
        accountId: bankId,
        entryDate: '2026-10-20',
        description: 'Indbetaling',
        amount,
        side: 'debit',
      },
    })
    await world.client.post('/bankLineSubjectAssociations', {
      bankLineSubjectAssociation: { matchId, subjectReference },
    })
    return matchId
  }

  async function bankPostings(): Promise<Posting[]> {
    return (await world.client.get(`/postings?accountId=${bankId}&pageSize=1000`)).json().postings
  }

  test('approving a match pays the invoice through the bank and marks its bank posting matched', async () => {
    const invoiceId = await approvedInvoice()
    const matchId = await match(1250, `invoice:${invoiceId}`)

    const approved = await world.client.put(`/bankLineMatches/${matchId}`, {
      bankLineMatch: { isApproved: true },
    })

    expect(approved.statusCode).toBe(200)
    expect(approved.json().bankLineMatches[0]).toMatchObject({
      isApproved: true,
      amount: 1250,
      side: 'debit',
    })
    const invoice = (await world.client.get(`/invoices/${invoiceId}`)).json().invoice
    expect(invoice).toMatchObject({ isPaid: true, balance: 0 })
    expect((await bankPostings()).filter((posting) => posting.isBankMatched)).toHaveLength(1)
  })

  test('lines that do not add up to the subjects are refused and nothing is paid', async () => {
    const invoiceId = await approvedInvoice()
    const matchId = await match(1000, `invoice:${invoiceId}`)

    const refused = await world.client.put(`/bankLineMatches/${matchId}`, {
      bankLineMatch: { isApproved: true },
    })

    expect(refused.statusCode).toBe(422)
    expect(refused.json().validationErrors.bankLineMatch.attributes).toHaveProperty('isApproved')
    expect((await world.client.get(`/invoices/${invoiceId}`)).json().invoice.isPaid).toBe(false)
    await world.client.delete(`/bankLineMatches/${matchId}`)
  })

  test('an existing bank payment is matched as it is, and an approved match cannot change', async () => {
    const invoiceId = await approvedInvoice()
    const payment = await world.client.post('/bankPayments', {
      bankPayment: {
        entryDate: '2026-10-15',
        cashAmount: 1250,
        cashSide: 'debit',
        cashAccountId: bankId,
        associations: [{ subjectReference: `invoice:${invoiceId}` }],
      },
    })
    const matchId = await match(1250, `bankPayment:${payment.json().bankPayments[0].id}`)

    const approved = await world.client.put(`/bankLineMatches/${matchId}`, {
      bankLineMatch: { isApproved: true },
    })
    const late = await world.client.post('/bankLines', {
      bankLine: {
        matchId,
        accountId: bankId,
        entryDate: '2026-10-21',
        description: 'Mere',
        amount: 5,
        side: 'debit',
      },
    })

    expect(approved.statusCode).toBe(200)
    expect(late.statusCode).toBe(422)
  })

  test('unapproving voids the payment approval made and unmatches the postings', async () => {
    const invoiceId = await approvedInvoice()
    const matchId = await match(1250, `invoice:${invoiceId}`)
    await world.client.put(`/bankLineMatches/${matchId}`, { bankLineMatch: { isApproved: true } })
    const matchedBefore = (await bankPostings()).filter((posting) => posting.isBankMatched).length

    const unapproved = await world.client.put(`/bankLineMatches/${matchId}`, {
      bankLineMatch: { isApproved: false },
    })

    expect(unapproved.json().bankLineMatches[0].isApproved).toBe(false)
    expect((await world.client.get(`/invoices/${invoiceId}`)).json().invoice.isPaid).toBe(false)
    expect((await bankPostings()).filter((posting) => posting.isBankMatched)).toHaveLength(matchedBefore - 1)
  })

  test('a match includes its lines and subject associations', async () => {
    const invoiceId = await approvedInvoice()
    const matchId = await match(1250, `invoice:${invoiceId}`)

    const response = await world.client.get(
      `/bankLineMatches/${matchId}?include=bankLineMatch.lines:embed,bankLineMatch.subjectAssociations:embed`,
    )

    const found = response.json().bankLineMatch
    expect(found.lines).toEqual([
      expect.objectContaining({ amount: 1250, side: 'debit', description: 'Indbetaling' }),
    ])
    expect(found.subjectAssociations).toEqual([
      expect.objectContaining({ subjectReference: `invoice:${invoiceId}` }),
    ])
    await world.client.delete(`/bankLineMatches/${matchId}`)
  })
})
