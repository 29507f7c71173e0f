// Proves the contact and product use cases on both engines: numbering, partial updates, validation.

import { expect, test } from 'vitest'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { updateContact } from '../../src/core/contacts/update-contact.ts'
import { createProduct } from '../../src/core/products/create-product.ts'
import { updateProduct } from '../../src/core/products/update-product.ts'
import { DomainError } from '../../src/domain/errors.ts'
import { createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

async function codeOf(promise: Promise<unknown>): Promise<[string, unknown]> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DomainError)
  return [(error as DomainError).code, (error as DomainError).details.field]
}

describeEachEngine('contact and product use cases', ({ storage }) => {
  test('contacts get consecutive numbers and skip a number taken by hand', async () => {
    const { core, tenant } = await createWorld(storage())

    const chosen = await createContact(core, tenant, { name: 'Vald', contactNo: 3n })
    const second = await createContact(core, tenant, { name: 'Andra' })
    const third = await createContact(core, tenant, { name: 'Tredje' })

    expect(chosen.contactNo).toBe(3n)
    expect(second.contactNo).toBe(4n)
    expect(third.contactNo).toBe(5n)
  })

  test('a contact number already in use is refused with conflict', async () => {
    const { core, tenant } = await createWorld(storage())

    expect(await codeOf(createContact(core, tenant, { name: 'Dubbel', contactNo: 1n }))).toEqual([
      'conflict',
      'contactNo',
    ])
  })

  test('updating a contact changes only the given fields', async () => {
    const { core, tenant, contactId } = await createWorld(storage())

    const updated = await updateContact(core, tenant, contactId, {
      phone: '+46701234567',
      address: { city: 'Malmö' },
    })

    expect(updated.phone).toBe('+46701234567')
    expect(updated.address.city).toBe('Malmö')
    expect(updated.address.street).toBe('Gatan 1')
    expect(updated.email).toBe('kund@example.se')
  })

  test('an invalid email or country is refused naming the field', async () => {
    const { core, tenant, contactId } = await createWorld(storage())

    expect(await codeOf(updateContact(core, tenant, contactId, { email: 'not-an-email' }))).toEqual([
      'invalid_field',
      'email',
    ])
    expect(await codeOf(createContact(core, tenant, { name: 'X', address: { country: 'Sweden' } }))).toEqual([
      'invalid_field',
      'address.country',
    ])
    expect(await codeOf(createContact(core, tenant, { name: '  ' }))).toEqual(['invalid_field', 'name'])
  })

  test('updating an unknown contact is not_found', async () => {
    const { core, tenant } = await createWorld(storage())

    expect((await codeOf(updateContact(core, tenant, 'missing', { name: 'x' })))[0]).toBe('not_found')
  })

  test('products keep prices per currency and canonical decimals', async () => {
    const { core, tenant } = await createWorld(storage())

    const product = await createProduct(core, tenant, {
      name: 'Licens',
      vatRatePercent: '12.50',
      prices: [
        { currency: 'sek', unitPrice: '99.900' },
        { currency: 'EUR', unitPrice: '9' },
      ],
    })

    expect(product.productNo).toBe('2')
    expect(product.vatRatePercent).toBe('12.5')
    expect(product.prices).toEqual([
      { currency: 'EUR', unitPrice: '9' },
      { currency: 'SEK', unitPrice: '99.9' },
    ])
  })

  test('updating a product replaces its prices only when prices are given', async () => {
    const { core, tenant, productId } = await createWorld(storage())

    const renamed = await updateProduct(core, tenant, productId, { name: 'Timme' })
    const repriced = await updateProduct(core, tenant, productId, {
      prices: [{ currency: 'SEK', unitPrice: '1100' }],
    })

    expect(renamed.prices).toEqual([{ currency: 'SEK', unitPrice: '1000' }])
    expect(repriced.prices).toEqual([{ currency: 'SEK', unitPrice: '1100' }])
    expect(repriced.name).toBe('Timme')
  })

  test('a bad price, VAT rate or duplicate currency is refused naming the field', async () => {
    const { core, tenant } = await createWorld(storage())

    expect(
      await codeOf(
        createProduct(core, tenant, { name: 'X', prices: [{ currency: 'SEK', unitPrice: '1,5' }] }),
      ),
    ).toEqual(['invalid_field', 'prices.0.unitPrice'])
    expect(await codeOf(createProduct(core, tenant, { name: 'X', vatRatePercent: '-1' }))).toEqual([
      'invalid_field',
      'vatRatePercent',
    ])
    expect(
      await codeOf(
        createProduct(core, tenant, {
          name: 'X',
          prices: [
            { currency: 'SEK', unitPrice: '1' },
            { currency: 'SEK', unitPrice: '2' },
          ],
        }),
      ),
    ).toEqual(['invalid_field', 'prices.1.currency'])
    expect(await codeOf(createProduct(core, tenant, { name: 'X', productNo: '1' }))).toEqual([
      'conflict',
      'productNo',
    ])
  })
})
