// Proves migration 0010 numbers the bills that existed before it, on both engines: per
// organization, in the order they were created, and the counter continues after them so the next
// bill takes the next number.

import type { Kysely } from 'kysely'
import { expect, test } from 'vitest'
import { createBill } from '../../src/core/bills/save-bill.ts'
import { createContact } from '../../src/core/contacts/create-contact.ts'
import { numberExistingBills } from '../../src/storage/migrations/0010-billomat-purchases.ts'
import { coreOf, createWorld, fixedClock } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

describeEachEngine('bill numbers of migration 0010', ({ storage }) => {
  test('existing bills are numbered per organization in creation order; new ones follow', async () => {
    const first = await createWorld(storage())
    const second = await createWorld(storage(), 'DE', 'EUR')
    const line = {
      accountNumber: '4010',
      description: 'x',
      amount: '10',
      vatRatePercent: null,
      taxTreatment: null,
    }
    const billsOf = async (world: typeof first, account: string, times: string[]) => {
      const ids: string[] = []
      for (const time of times) {
        const core = coreOf(storage(), fixedClock(time))
        const bill = await createBill(core, world.tenant, {
          contactId: world.contactId,
          entryDate: '2026-10-01',
          currency: world === first ? 'SEK' : 'EUR',
          lines: [{ ...line, accountNumber: account }],
        })
        ids.push(bill.billId)
      }
      return ids
    }
    const a = await billsOf(first, '4010', ['2026-10-03T10:00:00.000Z', '2026-10-01T10:00:00.000Z'])
    const b = await billsOf(second, '3400', ['2026-10-02T10:00:00.000Z'])
    await storage().db.updateTable('bills').set({ bill_seq: null }).execute()

    await numberExistingBills(storage().db as unknown as Kysely<unknown>)
    const rows = await storage().db.selectFrom('bills').select(['bill_id', 'bill_seq']).execute()
    const seqOf = (id: string) => rows.find((row) => row.bill_id === id)?.bill_seq
    const next = await createBill(first.core, first.tenant, {
      contactId: (await createContact(first.core, first.tenant, { name: 'Lev AB' })).contactId,
      entryDate: '2026-10-05',
      currency: 'SEK',
      lines: [line],
    })

    expect([seqOf(a[1]!), seqOf(a[0]!)]).toEqual([1n, 2n])
    expect(seqOf(b[0]!)).toBe(1n)
    expect(next.billSeq).toBe(3n)
  })
})
