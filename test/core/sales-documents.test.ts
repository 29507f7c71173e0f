// Proves the core's sales documents on both engines: a draft is priced by the invoice rules and
// posts nothing; completion numbers each kind gap-free in its own series, also when completions
// race, and a chosen number moves the series past it and is refused twice; the lifecycle table
// refuses what a kind or state does not allow; drafts alone are edited and deleted.

import { expect, test } from 'vitest'
import { changeSalesState } from '../../src/core/sales/change-sales-state.ts'
import { completeSalesDocument } from '../../src/core/sales/complete-sales-document.ts'
import { createSalesDocument } from '../../src/core/sales/create-sales-document.ts'
import { searchSalesDocuments } from '../../src/core/sales/search-sales-documents.ts'
import { deleteSalesDraft, updateSalesDraft } from '../../src/core/sales/update-sales-draft.ts'
import { DomainError } from '../../src/domain/errors.ts'
import type { SalesDocumentKind } from '../../src/domain/sales/sales-document.ts'
import { createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DomainError)
  return (error as DomainError).code
}

describeEachEngine('sales documents', ({ storage }) => {
  const draftOf = async (world: Awaited<ReturnType<typeof createWorld>>, kind: SalesDocumentKind = 'offer') =>
    createSalesDocument(world.core, world.tenant, kind, {
      contactId: world.contactId,
      documentDate: '2026-03-01',
      validUntil: '2026-03-31',
      lines: [
        { productId: world.productId, quantity: '3' },
        { description: 'Resa', quantity: '1', unitPrice: '450.50', vatRatePercent: '25' },
      ],
    })

  test('a draft is priced like an invoice and posts nothing to the ledger', async () => {
    const world = await createWorld(storage())

    const draft = await draftOf(world)
    const entries = await storage()
      .db.selectFrom('journal_entries')
      .select('entry_id')
      .where('organization_id', '=', world.tenant.organizationId)
      .execute()

    expect(draft.state).toBe('draft')
    expect(draft.netMinor).toBe(345050n)
    expect(draft.vatMinor).toBe(86263n)
    expect(draft.grossMinor).toBe(431313n)
    expect(draft.lines.map((line) => line.description)).toEqual(['Konsulttimme', 'Resa'])
    expect(entries).toEqual([])
  })

  test('each kind is numbered gap-free in its own series, even when completions race', async () => {
    const world = await createWorld(storage())
    const offers = await Promise.all([1, 2, 3, 4, 5].map(() => draftOf(world)))
    const confirmation = await draftOf(world, 'confirmation')

    const completed = await Promise.all(
      offers.map((offer) =>
        completeSalesDocument(world.core, world.tenant, offer.documentId, { prefix: 'AN', padding: 3 }),
      ),
    )
    const confirmed = await completeSalesDocument(world.core, world.tenant, confirmation.documentId, {
      prefix: 'AB',
      padding: 0,
    })

    expect(completed.map((offer) => offer.numberSeq).sort()).toEqual([1n, 2n, 3n, 4n, 5n])
    expect(completed.map((offer) => offer.number).sort()).toEqual([
      'AN001',
      'AN002',
      'AN003',
      'AN004',
      'AN005',
    ])
    expect(completed.every((offer) => offer.state === 'open')).toBe(true)
    expect(confirmed.number).toBe('AB1')
  })

  test('a chosen number moves the series past it and is not issued twice', async () => {
    const world = await createWorld(storage())
    const [first, second, third] = await Promise.all([draftOf(world), draftOf(world), draftOf(world)])

    const chosen = await completeSalesDocument(world.core, world.tenant, first!.documentId, {
      prefix: 'AN',
      padding: 0,
      chosen: 7n,
    })
    const code = await refusal(
      completeSalesDocument(world.core, world.tenant, second!.documentId, {
        prefix: 'AN',
        padding: 0,
        chosen: 7n,
      }),
    )
    const next = await completeSalesDocument(world.core, world.tenant, third!.documentId, {
      prefix: 'AN',
      padding: 0,
    })

    expect(chosen.number).toBe('AN7')
    expect(code).toBe('conflict')
    expect(next.number).toBe('AN8')
  })

  test('the lifecycle refuses what the kind or the state does not allow, and undoes to the state left', async () => {
    const world = await createWorld(storage())
    const offer = await draftOf(world)
    const note = await draftOf(world, 'delivery_note')

    expect(await refusal(changeSalesState(world.core, world.tenant, offer.documentId, 'win'))).toBe(
      'wrong_state',
    )
    await completeSalesDocument(world.core, world.tenant, offer.documentId, { prefix: '', padding: 0 })
    await completeSalesDocument(world.core, world.tenant, note.documentId, { prefix: '', padding: 0 })
    await changeSalesState(world.core, world.tenant, offer.documentId, 'lose')
    const cancelled = await changeSalesState(world.core, world.tenant, offer.documentId, 'cancel')
    const restored = await changeSalesState(world.core, world.tenant, offer.documentId, 'uncancel')

    expect(cancelled.state).toBe('cancelled')
    expect(restored.state).toBe('lost')
    expect(await refusal(changeSalesState(world.core, world.tenant, note.documentId, 'cancel'))).toBe(
      'wrong_state',
    )
    expect(await refusal(changeSalesState(world.core, world.tenant, offer.documentId, 'unclear'))).toBe(
      'wrong_state',
    )
  })

  test('drafts alone are edited and deleted; a search finds them by kind and state', async () => {
    const world = await createWorld(storage())
    const draft = await draftOf(world)
    const done = await draftOf(world)
    await completeSalesDocument(world.core, world.tenant, done.documentId, { prefix: '', padding: 0 })

    const edited = await updateSalesDraft(world.core, world.tenant, draft.documentId, {
      lines: [{ description: 'Ny rad', quantity: '2', unitPrice: '100', vatRatePercent: '25' }],
    })
    const refusedEdit = await refusal(
      updateSalesDraft(world.core, world.tenant, done.documentId, { notes: 'x' }),
    )
    const refusedDate = await refusal(
      updateSalesDraft(world.core, world.tenant, draft.documentId, { validUntil: '2026-02-01' }),
    )
    const open = await searchSalesDocuments(world.core, world.tenant, {
      kind: 'offer',
      filters: [{ field: 'state', op: 'eq', value: 'open' }],
      limit: 10,
      offset: 0,
    })
    await deleteSalesDraft(world.core, world.tenant, draft.documentId)
    const left = await searchSalesDocuments(world.core, world.tenant, { kind: 'offer', limit: 10, offset: 0 })

    expect(edited.grossMinor).toBe(25000n)
    expect(refusedEdit).toBe('wrong_state')
    expect(refusedDate).toBe('invalid_field')
    expect(open.items.map((item) => item.documentId)).toEqual([done.documentId])
    expect(left.totalCount).toBe(1)
    expect(await refusal(deleteSalesDraft(world.core, world.tenant, done.documentId))).toBe('wrong_state')
  })
})
