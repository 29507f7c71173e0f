// Proves Billy's invoicing through HTTP on both engines: the seed's two use cases, approval and
// its postings, numbers chosen by hand, tax modes and discounts, terms, credit notes, what an
// approved invoice may still change, payments with fees and overpayment, voiding, PDFs and email.

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

type Posting = { accountId: string; amount: number; side: string }

describeEachEngine('billy invoices and payments', ({ storage }) => {
  let world: BillyWorld
  let productId: string
  let contactId: string
  let accountIds: Record<number, string>
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const product = await world.client.post('/products', {
      product: { name: 'Konsulent', prices: [{ unitPrice: 100, currencyId: 'DKK' }] },
    })
    productId = product.json().products[0].id
    const contact = await world.client.post('/contacts', {
      contact: {
        name: 'Kunde ApS',
        countryId: 'DK',
        contactPersons: [{ name: 'Ane', email: 'ane@kunde.example' }],
      },
    })
    contactId = contact.json().contacts[0].id
    const accounts = await world.client.get('/accounts')
    accountIds = Object.fromEntries(
      accounts
        .json()
        .accounts.map((account: { accountNo: number; id: string }) => [account.accountNo, account.id]),
    )
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  async function invoice(
    fields: Record<string, unknown> = {},
    lines: unknown[] = [{ productId, unitPrice: 960 }],
  ) {
    const response = await world.client.post('/invoices', {
      invoice: { contactId, entryDate: '2024-03-15', lines, ...fields },
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json().invoices[0]
  }

  async function postingsOf(reference: string): Promise<Posting[]> {
    const response = await world.client.get(`/postings?originatorReference=${reference}&isVoided=false`)
    return response.json().postings
  }

  function pay(invoiceId: string, cashAmount: number, extra: Record<string, unknown> = {}) {
    return world.client.post('/bankPayments', {
      bankPayment: {
        entryDate: '2024-04-01',
        cashAmount,
        cashSide: 'debit',
        cashAccountId: accountIds[5710],
        associations: [{ subjectReference: `invoice:${invoiceId}` }],
        ...extra,
      },
    })
  }

  describe('the seed’s use cases', () => {
    test('a bank payment for the invoice’s amount makes it paid with balance 0', async () => {
      const approved = await invoice({ state: 'approved' })

      const response = await pay(approved.id, 1200)

      const paid = (await world.client.get(`/invoices/${approved.id}`)).json().invoice
      expect(approved.grossAmount).toBe(1200)
      expect(response.statusCode).toBe(200)
      expect(response.json().invoices[0]).toMatchObject({ isPaid: true, balance: 0 })
      expect(paid).toMatchObject({ isPaid: true, balance: 0 })
    })

    test('a product is posted with embedded prices in two currencies', async () => {
      const ruleset = (await world.client.get('/organization')).json().organization.defaultSalesTaxRulesetId

      const response = await world.client.post('/products', {
        product: {
          name: 'Bat capes',
          accountId: accountIds[1110],
          salesTaxRulesetId: ruleset,
          prices: [
            { unitPrice: 14000, currencyId: 'USD' },
            { unitPrice: 10000, currencyId: 'EUR' },
          ],
        },
      })

      const id = response.json().products[0].id
      const read = (await world.client.get(`/products/${id}?include=product.prices:embed`)).json().product
      expect(read.accountId).toBe(accountIds[1110])
      expect(
        read.prices.map((price: { currencyId: string; unitPrice: number }) => [
          price.currencyId,
          price.unitPrice,
        ]),
      ).toEqual([
        ['EUR', 10000],
        ['USD', 14000],
      ])
    })
  })

  describe('approval', () => {
    test('approving a draft by PUT numbers it and posts receivables, revenue and output VAT', async () => {
      const draft = await invoice()

      const response = await world.client.put(`/invoices/${draft.id}`, { invoice: { state: 'approved' } })

      const approved = response.json().invoices[0]
      expect(approved).toMatchObject({
        state: 'approved',
        amount: 960,
        tax: 240,
        grossAmount: 1200,
        balance: 1200,
      })
      expect(approved.invoiceNo).toMatch(/^\d+$/)
      expect(approved.approvedTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
      expect(await postingsOf(`invoice:${draft.id}`)).toEqual([
        expect.objectContaining({ accountId: accountIds[5810], amount: 1200, side: 'debit' }),
        expect.objectContaining({ accountId: accountIds[1110], amount: 960, side: 'credit' }),
        expect.objectContaining({ accountId: accountIds[7410], amount: 240, side: 'credit' }),
      ])
    })

    test('an invoice number chosen by hand is kept, and using it twice is refused', async () => {
      const chosen = await invoice({ invoiceNo: 8801, state: 'approved' })

      const twice = await world.client.post('/invoices', {
        invoice: { contactId, invoiceNo: '8801', state: 'approved', lines: [{ productId }] },
      })

      expect(chosen.invoiceNo).toBe('8801')
      expect(twice.statusCode).toBe(422)
      expect(twice.json().validationErrors.invoice.attributes).toHaveProperty('invoiceNo')
    })

    test('prices including VAT, percent and cash discounts are totalled as Billy does', async () => {
      const gross = await invoice({ taxMode: 'incl' }, [{ productId, unitPrice: 125 }])
      const discounted = await invoice({}, [
        { productId, unitPrice: 100, quantity: 2, discountMode: 'percent', discountValue: 10 },
        { productId, unitPrice: 50, discountMode: 'cash', discountValue: 5 },
      ])

      expect(gross).toMatchObject({ taxMode: 'incl', amount: 100, tax: 25, grossAmount: 125 })
      expect(discounted).toMatchObject({ amount: 225, tax: 56.25, grossAmount: 281.25 })
    })

    test('terms counted from the end of the month give the due date', async () => {
      const draft = await invoice({
        paymentTermsMode: 'netEndOfMonth',
        paymentTermsDays: 8,
        entryDate: '2024-02-10',
      })

      expect(draft.dueDate).toBe('2024-03-08')
    })

    test('an approved invoice keeps its lines and state but may be marked sent', async () => {
      const approved = await invoice({ state: 'approved' })

      const lines = await world.client.put(`/invoices/${approved.id}`, {
        invoice: { lines: [{ productId }] },
      })
      const voided = await world.client.put(`/invoices/${approved.id}`, { invoice: { state: 'draft' } })
      const sent = await world.client.put(`/invoices/${approved.id}`, { invoice: { sentState: 'printed' } })
      const remove = await world.client.delete(`/invoices/${approved.id}`)

      expect(lines.statusCode).toBe(422)
      expect(voided.statusCode).toBe(422)
      expect(sent.json().invoices[0].sentState).toBe('printed')
      expect(remove.statusCode).toBe(422)
    })

    test('voiding an unpaid approved invoice mirrors its posting and keeps its number', async () => {
      const approved = await invoice({ state: 'approved' })

      const voided = await world.client.put(`/invoices/${approved.id}`, { invoice: { state: 'voided' } })
      const again = await world.client.put(`/invoices/${approved.id}`, { invoice: { state: 'voided' } })
      const postings = (await world.client.get(`/postings?originatorReference=invoice:${approved.id}`)).json()
        .postings as { accountId: string; amount: number; side: string }[]

      expect(voided.statusCode).toBe(200)
      expect(voided.json().invoices[0]).toMatchObject({ state: 'voided', invoiceNo: approved.invoiceNo })
      expect(again.statusCode).toBe(200)
      const receivables = postings.filter((posting) => posting.accountId === accountIds[5810])
      expect(receivables.reduce((sum, p) => sum + (p.side === 'debit' ? p.amount : -p.amount), 0)).toBe(0)
    })

    test('voiding a paid invoice is refused: it is credited instead', async () => {
      const approved = await invoice({ state: 'approved' })
      await pay(approved.id, 1200)

      const voided = await world.client.put(`/invoices/${approved.id}`, { invoice: { state: 'voided' } })

      expect(voided.statusCode).toBe(422)
      expect(voided.json().validationErrors.invoice.attributes).toHaveProperty('state')
    })

    test('deleting a draft deletes its lines too', async () => {
      const draft = await invoice()
      const lineIds = (await world.client.get(`/invoiceLines?invoiceId=${draft.id}`))
        .json()
        .invoiceLines.map((line: { id: string }) => line.id)

      const response = await world.client.delete(`/invoices/${draft.id}`)

      expect(response.json().meta.deletedRecords).toEqual({ invoices: [draft.id], invoiceLines: lineIds })
    })
  })

  describe('credit notes', () => {
    test('a credit note reduces the credited invoice’s balance and posts the mirror image', async () => {
      const approved = await invoice({ state: 'approved' })

      const response = await world.client.post('/invoices', {
        invoice: {
          type: 'creditNote',
          creditedInvoiceId: approved.id,
          state: 'approved',
          entryDate: '2024-03-20',
          lines: [{ productId, unitPrice: 400 }],
        },
      })

      const body = response.json()
      const note = body.invoices.find((record: { type: string }) => record.type === 'creditNote')
      const credited = body.invoices.find((record: { id: string }) => record.id === approved.id)
      expect(note).toMatchObject({
        creditedInvoiceId: approved.id,
        grossAmount: 500,
        entryDate: '2024-03-20',
      })
      expect(credited.balance).toBe(700)
      expect(await postingsOf(`invoice:${note.id}`)).toEqual([
        expect.objectContaining({ accountId: accountIds[5810], amount: 500, side: 'credit' }),
        expect.objectContaining({ accountId: accountIds[1110], amount: 400, side: 'debit' }),
        expect.objectContaining({ accountId: accountIds[7410], amount: 100, side: 'debit' }),
      ])
      const listed = await world.client.get(`/invoices?creditedInvoiceId=${approved.id}`)
      expect(listed.json().invoices.map((record: { id: string }) => record.id)).toEqual([note.id])
    })

    test('a draft credit note is kept as a draft: nothing posted, the invoice unchanged', async () => {
      const approved = await invoice({ state: 'approved' })

      const response = await world.client.post('/invoices', {
        invoice: {
          type: 'creditNote',
          creditedInvoiceId: approved.id,
          lines: [{ productId, unitPrice: 400 }],
        },
      })

      expect(response.statusCode, response.body).toBe(200)
      const note = response.json().invoices[0]
      expect(note).toMatchObject({
        type: 'creditNote',
        state: 'draft',
        creditedInvoiceId: approved.id,
        contactId,
        invoiceNo: null,
        grossAmount: 500,
      })
      expect(await postingsOf(`invoice:${note.id}`)).toEqual([])
      const credited = (await world.client.get(`/invoices/${approved.id}`)).json().invoice
      expect(credited).toMatchObject({ balance: 1200, isPaid: false })
    })

    test('a draft credit note is edited, then approved under its own id with the mirror entry', async () => {
      const approved = await invoice({ state: 'approved' })
      const created = await world.client.post('/invoices', {
        invoice: {
          type: 'creditNote',
          creditedInvoiceId: approved.id,
          lines: [{ productId, unitPrice: 100 }],
        },
      })
      const noteId = created.json().invoices[0].id
      await world.client.put(`/invoices/${noteId}`, {
        invoice: { entryDate: '2024-03-22', lines: [{ productId, unitPrice: 300 }] },
      })
      const added = await world.client.post('/invoiceLines', {
        invoiceLine: { invoiceId: noteId, productId, unitPrice: 100 },
      })
      expect(added.json().invoices[0].grossAmount).toBe(500)

      const response = await world.client.put(`/invoices/${noteId}`, { invoice: { state: 'approved' } })

      expect(response.statusCode, response.body).toBe(200)
      const body = response.json()
      const note = body.invoices.find((record: { id: string }) => record.id === noteId)
      const credited = body.invoices.find((record: { id: string }) => record.id === approved.id)
      expect(note).toMatchObject({
        type: 'creditNote',
        state: 'approved',
        grossAmount: 500,
        entryDate: '2024-03-22',
      })
      expect(note.invoiceNo).toMatch(/\d+/)
      expect(credited).toMatchObject({ balance: 700, isPaid: false })
      expect(await postingsOf(`invoice:${noteId}`)).toEqual([
        expect.objectContaining({ accountId: accountIds[5810], amount: 500, side: 'credit' }),
        expect.objectContaining({ accountId: accountIds[1110], amount: 400, side: 'debit' }),
        expect.objectContaining({ accountId: accountIds[7410], amount: 100, side: 'debit' }),
      ])
      const lines = (await world.client.get(`/invoiceLines?invoiceId=${noteId}`)).json().invoiceLines
      expect(lines).toHaveLength(2)
      const again = await world.client.post('/invoiceLines', {
        invoiceLine: { invoiceId: noteId, productId, unitPrice: 100 },
      })
      expect(again.statusCode).toBe(422)
    })

    test('approving credit notes numbers them in their own series without gaps', async () => {
      const approved = await invoice({ state: 'approved' })
      const draft = async (unitPrice: number) =>
        (
          await world.client.post('/invoices', {
            invoice: {
              type: 'creditNote',
              creditedInvoiceId: approved.id,
              lines: [{ productId, unitPrice }],
            },
          })
        ).json().invoices[0].id
      const first = await draft(160)
      const tooMuch = await draft(2000)
      const second = await draft(800)

      const numbers: unknown[] = []
      for (const id of [first, tooMuch, second]) {
        const response = await world.client.put(`/invoices/${id}`, { invoice: { state: 'approved' } })
        numbers.push(
          response.statusCode === 200 ? response.json().invoices[0].invoiceNo : response.statusCode,
        )
      }

      expect(numbers[1]).toBe(422)
      expect(Number(numbers[2])).toBe(Number(numbers[0]) + 1)
      const refused = (await world.client.get(`/invoices/${tooMuch}`)).json().invoice
      expect(refused).toMatchObject({ state: 'draft', invoiceNo: null })
      const credited = (await world.client.get(`/invoices/${approved.id}`)).json().invoice
      expect(credited).toMatchObject({ balance: 0, isPaid: true })
    })

    test('a credit note for another contact, or numbered by hand, is refused naming the field', async () => {
      const approved = await invoice({ state: 'approved' })
      const other = await world.client.post('/contacts', { contact: { name: 'Anden ApS', countryId: 'DK' } })
      const otherId = other.json().contacts[0].id
      const created = await world.client.post('/invoices', {
        invoice: {
          type: 'creditNote',
          creditedInvoiceId: approved.id,
          lines: [{ productId, unitPrice: 100 }],
        },
      })
      const noteId = created.json().invoices[0].id

      const byPost = await world.client.post('/invoices', {
        invoice: {
          type: 'creditNote',
          creditedInvoiceId: approved.id,
          contactId: otherId,
          lines: [{ productId, unitPrice: 100 }],
        },
      })
      const byPut = await world.client.put(`/invoices/${noteId}`, { invoice: { contactId: otherId } })
      const numbered = await world.client.put(`/invoices/${noteId}`, { invoice: { invoiceNo: '77' } })

      expect(byPost.statusCode).toBe(422)
      expect(byPost.json().validationErrors.invoice.attributes).toHaveProperty('contactId')
      expect(byPut.json().validationErrors.invoice.attributes).toHaveProperty('contactId')
      expect(numbered.json().validationErrors.invoice.attributes).toHaveProperty('invoiceNo')
      expect((await world.client.delete(`/invoices/${noteId}`)).statusCode).toBe(200)
    })
  })

  describe('late fees', () => {
    test('a late fee of a flat amount and a percentage raises the balance and posts fee income', async () => {
      const approved = await invoice({ state: 'approved' })

      const response = await world.client.post('/invoiceLateFees', {
        invoiceLateFee: { invoiceId: approved.id, entryDate: '2024-05-01', flatFee: 100, percentageFee: 2 },
      })

      const fee = response.json().invoiceLateFees[0]
      const read = await world.client.get(`/invoices/${approved.id}?include=invoice.lateFees:embed`)
      expect(fee).toMatchObject({ amount: 124, flatFee: 100, percentageFee: 2, isVoided: false })
      expect(response.json().invoices[0].balance).toBe(1324)
      expect(read.json().invoice.lateFees.map((item: { id: string }) => item.id)).toEqual([fee.id])
      expect(
        (await postingsOf(`invoiceLateFee:${fee.id}`)).map((p) => [p.accountId, p.amount, p.side]),
      ).toEqual([
        [accountIds[5810], 124, 'debit'],
        [accountIds[1150], 124, 'credit'],
      ])
    })

    test('voiding a late fee takes it off the balance; a draft takes no fee', async () => {
      const approved = await invoice({ state: 'approved' })
      const draft = await invoice()
      const fee = (
        await world.client.post('/invoiceLateFees', {
          invoiceLateFee: { invoiceId: approved.id, entryDate: '2024-05-01', flatFee: 50, percentageFee: 0 },
        })
      ).json().invoiceLateFees[0]

      const voided = await world.client.put(`/invoiceLateFees/${fee.id}`, {
        invoiceLateFee: { isVoided: true },
      })
      const onDraft = await world.client.post('/invoiceLateFees', {
        invoiceLateFee: { invoiceId: draft.id, entryDate: '2024-05-01', flatFee: 50, percentageFee: 0 },
      })

      expect(voided.json().invoices[0].balance).toBe(1200)
      expect(await postingsOf(`invoiceLateFee:${fee.id}`)).toEqual([])
      expect(onDraft.statusCode).toBe(422)
    })
  })

  describe('bank payments', () => {
    test('a fee is an expense and settles the invoice together with the cash', async () => {
      const approved = await invoice({ state: 'approved' }, [{ productId, unitPrice: 80 }])

      const response = await pay(approved.id, 95, { feeAmount: 5, feeAccountId: accountIds[1860] })

      const payment = response.json().bankPayments[0]
      expect(response.json().invoices[0]).toMatchObject({ isPaid: true, balance: 0 })
      expect(payment).toMatchObject({ cashAmount: 95, feeAmount: 5, feeAccountId: accountIds[1860] })
      expect(await postingsOf(`bankPayment:${payment.id}`)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ accountId: accountIds[5710], amount: 95, side: 'debit' }),
          expect.objectContaining({ accountId: accountIds[1860], amount: 5, side: 'debit' }),
          expect.objectContaining({ accountId: accountIds[5810], amount: 100, side: 'credit' }),
        ]),
      )
    })

    test('an overpayment goes to the contact’s balance', async () => {
      const approved = await invoice({ state: 'approved' }, [{ productId, unitPrice: 80 }])

      const response = await pay(approved.id, 130)

      const payment = response.json().bankPayments[0]
      const balance = await world.client.get(
        `/contactBalancePostings?contactId=${contactId}&originatorReference=bankPayment:${payment.id}`,
      )
      const embedded = await world.client.get(
        `/bankPayments/${payment.id}?include=bankPayment.contactBalancePostings:embed`,
      )
      expect(response.json().invoices[0].isPaid).toBe(true)
      expect(await postingsOf(`bankPayment:${payment.id}`)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ accountId: accountIds[7390], amount: 30, side: 'credit' }),
        ]),
      )
      expect(balance.json().contactBalancePostings).toEqual([
        expect.objectContaining({
          contactId,
          amount: 30,
          side: 'credit',
          originatorReference: `bankPayment:${payment.id}`,
        }),
      ])
      expect(embedded.json().bankPayment.contactBalancePostings).toHaveLength(1)
    })

    test('voiding a payment makes the invoice owe again, and it cannot be reinstated', async () => {
      const approved = await invoice({ state: 'approved' })
      const payment = (await pay(approved.id, 1200)).json().bankPayments[0]

      const voided = await world.client.put(`/bankPayments/${payment.id}`, {
        bankPayment: { isVoided: true },
      })
      const reinstated = await world.client.put(`/bankPayments/${payment.id}`, {
        bankPayment: { isVoided: false },
      })

      expect(voided.json().bankPayments[0].isVoided).toBe(true)
      expect(voided.json().invoices[0]).toMatchObject({ isPaid: false, balance: 1200 })
      expect(reinstated.statusCode).toBe(422)
      expect(await postingsOf(`bankPayment:${payment.id}`)).toEqual([])
    })

    test('a payment is listed among its invoice’s balance modifiers', async () => {
      const approved = await invoice({ state: 'approved' })
      const payment = (await pay(approved.id, 200)).json().bankPayments[0]

      const response = await world.client.get(`/balanceModifiers?subjectReference=invoice:${approved.id}`)

      expect(response.json().balanceModifiers).toEqual([
        expect.objectContaining({
          modifierReference: `bankPayment:${payment.id}`,
          amount: 200,
          isVoided: false,
        }),
      ])
    })

    test('a payment to an account that takes no payments is refused naming cashAccountId', async () => {
      const approved = await invoice({ state: 'approved' })

      const response = await pay(approved.id, 10, { cashAccountId: accountIds[1110] })

      expect(response.statusCode).toBe(422)
      expect(response.json().validationErrors.bankPayment.attributes).toHaveProperty('cashAccountId')
    })
  })

  describe('filters', () => {
    test('state, isPaid, periods and q select invoices as Billy documents', async () => {
      const open = await invoice({ state: 'approved', entryDate: '2023-07-04' })
      const paid = await invoice({ state: 'approved', entryDate: '2023-07-05' })
      await pay(paid.id, 1200)

      const byPeriod = await world.client.get(
        '/invoices?entryDatePeriod=month:2023-07&sortProperty=entryDate&sortDirection=DESC',
      )
      const unpaid = await world.client.get('/invoices?entryDatePeriod=quarter:2023-3&isPaid=false')
      const byNumber = await world.client.get(`/invoices?q=${open.invoiceNo}&state=approved`)

      expect(byPeriod.json().invoices.map((record: { id: string }) => record.id)).toEqual([paid.id, open.id])
      expect(unpaid.json().invoices.map((record: { id: string }) => record.id)).toEqual([open.id])
      expect(byNumber.json().invoices.map((record: { id: string }) => record.id)).toContain(open.id)
    })
  })

  describe('documents', () => {
    test('downloadUrl gives the PDF without credentials, and a wrong token gives 404', async () => {
      const approved = await invoice({ state: 'approved' })
      const url = new URL(approved.downloadUrl)

      const pdf = await world.app.inject(`${url.pathname}${url.search}`)
      const wrong = await world.app.inject(`${url.pathname}?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)

      expect(pdf.statusCode).toBe(200)
      expect(pdf.headers['content-type']).toBe('application/pdf')
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
      expect(wrong.statusCode).toBe(404)
    })

    test('emailing an invoice to a contact person queues the mail and marks it sent', async () => {
      const approved = await invoice({ state: 'approved' })
      const person = (await world.client.get(`/contactPersons?contactId=${contactId}`)).json()
        .contactPersons[0]

      const response = await world.client.post(`/invoices/${approved.id}/emails`, {
        email: { contactPersonId: person.id, emailSubject: 'Faktura', emailBody: 'Hermed faktura.' },
      })
      const outbox = await storage()
        .db.selectFrom('outbox')
        .select(['kind', 'payload'])
        .where('organization_id', '=', world.tenant.organizationId)
        .where('kind', '=', 'invoice.email')
        .execute()

      expect(response.statusCode).toBe(200)
      expect(response.json().invoices[0].sentState).toBe('sent')
      expect(outbox.some((row) => JSON.parse(row.payload).to[0] === 'ane@kunde.example')).toBe(true)
    })
  })
})
