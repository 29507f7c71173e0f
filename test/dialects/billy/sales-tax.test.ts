// Proves Billy's sales tax setup on both engines: a ruleset's rules pick the rate by the contact's
// country and type, and an invoice's lines follow them (reverse charge for an EU business, export
// outside the EU, Danish VAT at home and for EU consumers), posting VAT only where it is charged;
// purchase rates deduct their VAT as input VAT; the VAT accounts and return boxes are listed.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

describeEachEngine('billy sales tax rules', ({ storage }) => {
  let world: BillyWorld
  let productId: string
  let accountIds: Record<number, string>
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const product = await world.client.post('/products', {
      product: { name: 'Konsulenttime', prices: [{ unitPrice: 1000, currencyId: 'DKK' }] },
    })
    productId = product.json().products[0].id
    const accounts = (await world.client.get('/accounts')).json().accounts
    accountIds = Object.fromEntries(
      accounts.map((account: { accountNo: number; id: string }) => [account.accountNo, account.id]),
    )
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  async function invoiceFor(countryId: string, type: 'company' | 'person') {
    const contact = await world.client.post('/contacts', {
      contact: { name: `${countryId} ${type}`, countryId, type, currencyId: 'DKK' },
    })
    const response = await world.client.post('/invoices', {
      invoice: {
        contactId: contact.json().contacts[0].id,
        entryDate: '2024-05-02',
        currencyId: 'DKK',
        state: 'approved',
        lines: [{ productId, unitPrice: 1000 }],
      },
    })
    expect(response.statusCode).toBe(200)
    const [invoice] = response.json().invoices
    return { ...invoice, lines: response.json().invoiceLines }
  }

  test('the Danish VAT ruleset has a rule for home, EU businesses, EU consumers and export', async () => {
    const response = await world.client.get(
      '/salesTaxRulesets/ruleset-25?include=salesTaxRuleset.rules:embed',
    )

    const rules = response.json().salesTaxRuleset.rules
    expect(
      rules.map((rule: Record<string, unknown>) => [
        rule.countryId,
        rule.countryGroupId,
        rule.contactType,
        rule.taxRateId,
      ]),
    ).toEqual([
      ['DK', null, null, 'sales-25'],
      [null, 'EU', 'company', 'sales-reverse-charge'],
      [null, 'EU', 'person', 'sales-25'],
      [null, null, null, 'sales-zero-rated'],
    ])
  })

  test('a ruleset that is not a standard rate has no rules', async () => {
    const response = await world.client.get('/salesTaxRules?rulesetId=ruleset-exempt')

    expect(response.json().salesTaxRules).toEqual([])
  })

  test('an invoice to a German company is reverse charged and posts no VAT', async () => {
    const invoice = await invoiceFor('DE', 'company')

    const postings = (await world.client.get(`/postings?originatorReference=invoice:${invoice.id}`)).json()
      .postings
    expect(invoice.lines[0].taxRateId).toBe('sales-reverse-charge')
    expect(invoice.tax).toBe(0)
    expect(invoice.grossAmount).toBe(1000)
    expect(postings.some((posting: { accountId: string }) => posting.accountId === accountIds[7410])).toBe(
      false,
    )
  })

  test('an invoice to a buyer outside the EU is an export at 0%', async () => {
    const invoice = await invoiceFor('US', 'company')

    expect(invoice.lines[0].taxRateId).toBe('sales-zero-rated')
    expect(invoice.tax).toBe(0)
  })

  test('a Swedish consumer and a Danish company pay Danish VAT', async () => {
    const consumer = await invoiceFor('SE', 'person')
    const domestic = await invoiceFor('DK', 'company')

    expect(consumer.lines[0].taxRateId).toBe('sales-25')
    expect(consumer.tax).toBe(250)
    expect(domestic.tax).toBe(250)
  })

  test('a line added to a draft later follows the same rule', async () => {
    const contact = await world.client.post('/contacts', {
      contact: { name: 'Norsk AS', countryId: 'NO', currencyId: 'DKK' },
    })
    const draft = await world.client.post('/invoices', {
      invoice: {
        contactId: contact.json().contacts[0].id,
        entryDate: '2024-05-02',
        currencyId: 'DKK',
        lines: [{ productId, unitPrice: 100 }],
      },
    })
    const invoiceId = draft.json().invoices[0].id

    const line = await world.client.post('/invoiceLines', {
      invoiceLine: { invoiceId, productId, unitPrice: 500 },
    })

    const lines = line.json().invoiceLines
    expect(lines).toHaveLength(2)
    expect(lines.map((l: { taxRateId: string }) => l.taxRateId)).toEqual([
      'sales-zero-rated',
      'sales-zero-rated',
    ])
    await world.client.delete(`/invoices/${invoiceId}`)
  })

  test('a purchase rate deducts its VAT in full on the input VAT account', async () => {
    const response = await world.client.get('/taxRates/purchase-25?include=taxRate.deductionComponents:embed')

    expect(response.json().taxRate.deductionComponents).toEqual([
      expect.objectContaining({ share: 1, source: 'tax', accountId: accountIds[7420] }),
    ])
  })

  test('the VAT accounts and the boxes of the VAT return are listed', async () => {
    const accounts = await world.client.get('/salesTaxAccounts')
    const fields = await world.client.get('/salesTaxMetaFields')
    const reverse = await world.client.get('/taxRates/sales-reverse-charge')

    expect(
      accounts.json().salesTaxAccounts.map((a: { type: string; accountId: string }) => [a.type, a.accountId]),
    ).toEqual([
      ['salesTax', accountIds[7410]],
      ['purchaseTax', accountIds[7420]],
    ])
    expect(fields.json().salesTaxMetaFields.map((f: { id: string }) => f.id)).toEqual([
      'rubrik-a',
      'rubrik-b',
      'rubrik-c',
    ])
    expect(reverse.json().taxRate.netAmountMetaFieldId).toBe('rubrik-b')
  })
})
