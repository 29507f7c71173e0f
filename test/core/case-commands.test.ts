// Proves case commands are all-or-nothing with their callbacks, that each event is announced to a
// subscription exactly once however often callbacks are caught up, and that deleting a product an
// invoice names archives it instead.

import { expect, test } from 'vitest'
import { putAccountCallback } from '../../src/core/callbacks/callback-subscriptions.ts'
import {
  announceCaseCallbacks,
  type CallbackRenderer,
} from '../../src/core/callbacks/enqueue-case-callbacks.ts'
import { runCaseCommand } from '../../src/core/cases/run-case-command.ts'
import { createCase } from '../../src/core/cases/save-case.ts'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { deleteProduct } from '../../src/core/products/delete-product.ts'
import { listProducts } from '../../src/core/products/list-products.ts'
import { countRows, createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

const render: CallbackRenderer = ({ event }) => ({ type: event.type })

describeEachEngine('case commands', ({ storage }) => {
  test('an issue that cannot be delivered leaves the draft, its events and the outbox as they were', async () => {
    const { core, tenant } = await createWorld(storage())
    const silent = await createContact(core, tenant, { name: 'Ingen Epost AB' })
    const created = await createCase(core, tenant, {
      draft: {
        contactId: silent.contactId,
        lines: [{ description: 'Rad', unitPrice: '100', vatRatePercent: '25' }],
      },
    })
    const [events, outbox] = await Promise.all([
      countRows(storage(), 'events', tenant.organizationId),
      countRows(storage(), 'outbox', tenant.organizationId),
    ])

    const refused = runCaseCommand(core, tenant, created.caseId, { type: 'issue', delivery: { email: true } })

    await expect(refused).rejects.toMatchObject({ code: 'invalid_field', details: { field: 'email' } })
    expect(await countRows(storage(), 'events', tenant.organizationId)).toBe(events)
    expect(await countRows(storage(), 'outbox', tenant.organizationId)).toBe(outbox)
    const invoice = await storage()
      .db.selectFrom('invoices')
      .select(['state', 'number'])
      .where('organization_id', '=', tenant.organizationId)
      .where('case_id', '=', created.caseId)
      .executeTakeFirstOrThrow()
    expect(invoice).toEqual({ state: 'draft', number: null })
  })

  test('each event reaches a subscription once, however often callbacks are caught up', async () => {
    const { core, tenant, contactId, productId } = await createWorld(storage())
    await putAccountCallback(core, tenant, { url: 'https://hooks.example/billogram', signKey: 'k' })
    const draft = await createInvoice(core, tenant, { contactId, lines: [{ productId, quantity: '1' }] })
    await approveInvoice(core, tenant, draft.invoiceId)

    const first = await announceCaseCallbacks(core, tenant, draft.caseId, render)
    const second = await announceCaseCallbacks(core, tenant, draft.caseId, render)

    expect(first).toBe(2)
    expect(second).toBe(0)
    const rows = await storage()
      .db.selectFrom('outbox')
      .select('payload')
      .where('organization_id', '=', tenant.organizationId)
      .where('kind', '=', 'webhook.deliver')
      .execute()
    expect(rows.map((row) => JSON.parse(JSON.parse(row.payload).body).type)).toEqual([
      'invoice.created',
      'invoice.approved',
    ])
  })

  test('a product named by an approved invoice is archived, an unused one deleted', async () => {
    const { core, tenant, contactId, productId } = await createWorld(storage())
    const draft = await createInvoice(core, tenant, { contactId, lines: [{ productId, quantity: '1' }] })
    await approveInvoice(core, tenant, draft.invoiceId)

    const used = await deleteProduct(core, tenant, productId)
    const archived = await listProducts(core, tenant, {
      filters: [{ field: 'productId', op: 'eq', value: productId }],
      limit: 1,
      offset: 0,
    })

    expect(used).toEqual({ productId, archived: true })
    expect(archived.items[0]?.isArchived).toBe(true)
  })
})
