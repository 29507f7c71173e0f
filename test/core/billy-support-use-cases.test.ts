// Proves the use cases added for the Billy dialect on both engines: one transaction across use
// cases, contact persons, contact deletion, and editing the chart of accounts.

import { expect, test } from 'vitest'
import { getContactPersons, listContactPersons } from '../../src/core/contact-persons/list-contact-persons.ts'
import {
  createContactPerson,
  deleteContactPerson,
  updateContactPerson,
} from '../../src/core/contact-persons/save-contact-person.ts'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { deleteContact } from '../../src/core/contacts/delete-contact.ts'
import { listContacts } from '../../src/core/contacts/list-contacts.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { getAccounts } from '../../src/core/ledger/list-accounts.ts'
import { createAccount, deleteAccount, updateAccount } from '../../src/core/ledger/save-account.ts'
import { inOneTransaction } from '../../src/core/unit-of-work.ts'
import { DomainError } from '../../src/domain/errors.ts'
import { createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

async function refusal(promise: Promise<unknown>): Promise<[string, unknown]> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DomainError)
  return [(error as DomainError).code, (error as DomainError).details.field]
}

describeEachEngine('use cases for the Billy dialect', ({ storage }) => {
  test('use cases inside one unit of work all commit together', async () => {
    const { core, tenant } = await createWorld(storage())

    await inOneTransaction(core, async (unit) => {
      const contact = await createContact(unit, tenant, { name: 'Samlet A/S' })
      await createContactPerson(unit, tenant, contact.contactId, { name: 'Ane' })
    })

    const page = await listContacts(core, tenant, {
      filters: [{ field: 'name', op: 'eq', value: 'Samlet A/S' }],
      limit: 10,
      offset: 0,
    })
    const persons = await getContactPersons(core, tenant, { contactIds: [page.items[0]?.contactId ?? ''] })
    expect(page.totalCount).toBe(1)
    expect(persons.map((person) => person.name)).toEqual(['Ane'])
  })

  test('a refusal half way through a unit of work leaves nothing written', async () => {
    const { core, tenant } = await createWorld(storage())

    const attempt = inOneTransaction(core, async (unit) => {
      const contact = await createContact(unit, tenant, { name: 'Halvvejs A/S' })
      await createContactPerson(unit, tenant, contact.contactId, { name: 'Bo' })
      await createContactPerson(unit, tenant, contact.contactId, { email: 'not an address' })
    })

    expect(await refusal(attempt)).toEqual(['invalid_field', 'email'])
    const page = await listContacts(core, tenant, {
      filters: [{ field: 'name', op: 'eq', value: 'Halvvejs A/S' }],
      limit: 10,
      offset: 0,
    })
    expect(page.totalCount).toBe(0)
  })

  test('a contact keeps at most one primary person', async () => {
    const { core, tenant, contactId } = await createWorld(storage())
    const first = await createContactPerson(core, tenant, contactId, { name: 'Første', isPrimary: true })

    const second = await createContactPerson(core, tenant, contactId, { name: 'Anden', isPrimary: true })

    const [firstNow] = await getContactPersons(core, tenant, { ids: [first.contactPersonId] })
    expect(second.isPrimary).toBe(true)
    expect(firstNow?.isPrimary).toBe(false)
  })

  test('a person needs a name or an email, and edits keep the other fields', async () => {
    const { core, tenant, contactId } = await createWorld(storage())
    const person = await createContactPerson(core, tenant, contactId, { email: 'kim@example.dk' })

    const updated = await updateContactPerson(core, tenant, person.contactPersonId, { phone: '12345678' })

    expect(updated.email).toBe('kim@example.dk')
    expect(updated.phone).toBe('12345678')
    expect(await refusal(createContactPerson(core, tenant, contactId, { name: ' ' }))).toEqual([
      'invalid_field',
      'name',
    ])
    expect(await refusal(createContactPerson(core, tenant, 'no-such-contact', { name: 'X' }))).toEqual([
      'invalid_field',
      'contactId',
    ])
  })

  test('persons are listed by contact and deleting one twice is not an error', async () => {
    const { core, tenant, contactId } = await createWorld(storage())
    const person = await createContactPerson(core, tenant, contactId, { name: 'Liste' })

    const page = await listContactPersons(core, tenant, {
      filters: [{ field: 'contactId', op: 'eq', value: contactId }],
      limit: 10,
      offset: 0,
    })
    const first = await deleteContactPerson(core, tenant, person.contactPersonId)
    const again = await deleteContactPerson(core, tenant, person.contactPersonId)

    expect(page.items.map((item) => item.name)).toEqual(['Liste'])
    expect([first, again]).toEqual([true, false])
  })

  test('a contact without invoices is deleted with its persons; one with invoices is refused', async () => {
    const { core, tenant, contactId, productId } = await createWorld(storage())
    const spare = await createContact(core, tenant, { name: 'Ubrugt' })
    await createContactPerson(core, tenant, spare.contactId, { name: 'Person' })
    const draft = await createInvoice(core, tenant, { contactId, lines: [{ productId }] })
    await approveInvoice(core, tenant, draft.invoiceId)

    const deleted = await deleteContact(core, tenant, spare.contactId)

    expect(deleted).toBe(true)
    expect(await getContactPersons(core, tenant, { contactIds: [spare.contactId] })).toEqual([])
    expect(await refusal(deleteContact(core, tenant, contactId))).toEqual(['conflict', 'id'])
  })

  test('accounts are added, renamed, archived and deleted; role accounts are protected', async () => {
    const { core, tenant } = await createWorld(storage())
    const account = await createAccount(core, tenant, { number: '4100', name: 'Husleje', nature: 'expense' })

    const renamed = await updateAccount(core, tenant, account.id, { name: 'Lokaleleje', number: '4110' })
    const deleted = await deleteAccount(core, tenant, account.id)
    const [bank] = await getAccounts(core, tenant, { numbers: ['1930'] })

    expect([renamed.name, renamed.number]).toEqual(['Lokaleleje', '4110'])
    expect(deleted).toBe(true)
    expect(
      await refusal(createAccount(core, tenant, { number: '1930', name: 'Dubbel', nature: 'asset' })),
    ).toEqual(['conflict', 'number'])
    expect(await refusal(deleteAccount(core, tenant, bank?.id ?? ''))).toEqual(['conflict', 'id'])
    expect(await refusal(updateAccount(core, tenant, bank?.id ?? '', { nature: 'expense' }))).toEqual([
      'invalid_field',
      'nature',
    ])
  })
})
