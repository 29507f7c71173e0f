// Proves write-downs in the core: a write-down provides for what an invoice owes, net of VAT, in the
// chart's doubtful-debt accounts without touching receivables or the invoice's state; reverting it,
// paying, crediting or writing off the claim releases the provision, so the allowance never holds
// more than the claim can still lose. Also the migration that adds the accounts to older charts.

import { expect, test } from 'vitest'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { revertWriteDown, writeDownInvoice } from '../../src/core/invoices/write-down-invoice.ts'
import { writeOffInvoice } from '../../src/core/invoices/write-off-invoice.ts'
import { recordPayment } from '../../src/core/payments/record-payment.ts'
import { migrateToLatest } from '../../src/storage/migrate.ts'
import { accountBalances, createWorld } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

describeEachEngine('write-downs', ({ storage }) => {
  const issued = async (country = 'SE', currency = 'SEK') => {
    const world = await createWorld(storage(), country, currency)
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      lines: [{ productId: world.productId, quantity: '1' }],
    })
    const invoice = await approveInvoice(world.core, world.tenant, draft.invoiceId)
    const balances = () => accountBalances(storage(), world.tenant.organizationId)
    return { ...world, invoice, balances }
  }

  test('a write-down provides for the claim net of VAT and keeps it owed; reverting releases it', async () => {
    const { core, tenant, invoice, balances } = await issued()

    const down = await writeDownInvoice(core, tenant, invoice.invoiceId)
    const provided = await balances()
    const again = writeDownInvoice(core, tenant, invoice.invoiceId)
    await expect(again).rejects.toMatchObject({ code: 'wrong_state' })
    const reverted = await revertWriteDown(core, tenant, invoice.invoiceId)
    const released = await balances()

    expect(down).toMatchObject({ state: 'open', balanceMinor: 125000n })
    expect(provided.get('6351')).toBe(100000n)
    expect(provided.get('1519')).toBe(-100000n)
    expect(provided.get('1510')).toBe(125000n)
    expect(reverted.extra.writedown).toBeUndefined()
    expect(released.get('6351')).toBe(0n)
    expect(released.get('1519')).toBe(0n)
    await expect(revertWriteDown(core, tenant, invoice.invoiceId)).rejects.toMatchObject({
      code: 'wrong_state',
    })
  })

  test('a partial payment lowers the provision to what is left; the rest of it releases it all', async () => {
    const { core, tenant, invoice, balances } = await issued()
    await writeDownInvoice(core, tenant, invoice.invoiceId)

    await recordPayment(core, tenant, { invoiceId: invoice.invoiceId, amountMinor: 50000n })
    const partly = await balances()
    await recordPayment(core, tenant, { invoiceId: invoice.invoiceId, amountMinor: 75000n })
    const paid = await balances()

    expect(partly.get('1519')).toBe(-60000n)
    expect(partly.get('6351')).toBe(60000n)
    expect(paid.get('1519')).toBe(0n)
    expect(paid.get('6351')).toBe(0n)
    expect(paid.get('1510')).toBe(0n)
  })

  test('writing off a written-down claim releases the provision and books the loss with its VAT', async () => {
    const { core, tenant, invoice, balances } = await issued()
    await writeDownInvoice(core, tenant, invoice.invoiceId)

    const written = await writeOffInvoice(core, tenant, { invoiceId: invoice.invoiceId })
    const after = await balances()

    expect(written.state).toBe('written_off')
    expect(after.get('1519')).toBe(0n)
    expect(after.get('6351')).toBe(0n)
    expect(after.get('6352')).toBe(100000n)
    expect(after.get('2611')).toBe(0n)
    expect(after.get('1510')).toBe(0n)
  })

  test('a paid invoice is not written down; German and Danish charts have their own accounts', async () => {
    const paid = await issued()
    await recordPayment(paid.core, paid.tenant, { invoiceId: paid.invoice.invoiceId, amountMinor: 125000n })
    const german = await issued('DE', 'EUR')
    const danish = await issued('DK', 'DKK')

    const refused = await writeDownInvoice(paid.core, paid.tenant, paid.invoice.invoiceId).catch(
      (error) => error,
    )
    await writeDownInvoice(german.core, german.tenant, german.invoice.invoiceId)
    await writeDownInvoice(danish.core, danish.tenant, danish.invoice.invoiceId)

    expect(refused).toMatchObject({ code: 'wrong_state' })
    const de = await german.balances()
    const dk = await danish.balances()
    expect([de.get('2451'), de.get('0998')]).toEqual([100000n, -100000n])
    expect([dk.get('1891'), dk.get('5815')]).toEqual([100000n, -100000n])
  })

  test('migration 0014 gives an older chart the accounts, or the role to a free account of the number', async () => {
    const swedish = await createWorld(storage())
    const danish = await createWorld(storage(), 'DK', 'DKK')
    const db = storage().db
    await db
      .deleteFrom('accounts')
      .where('organization_id', '=', swedish.tenant.organizationId)
      .where('account_number', 'in', ['1519', '6351'])
      .execute()
    await db
      .updateTable('accounts')
      .set({ role: null })
      .where('organization_id', '=', danish.tenant.organizationId)
      .where('account_number', 'in', ['5815', '1891'])
      .execute()
    await db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', '0014-writedown-accounts' as never)
      .execute()

    const applied = await migrateToLatest(db)
    const roles = await db
      .selectFrom('accounts')
      .select(['organization_id', 'account_number', 'role'])
      .where('role', 'in', ['doubtfulDebt', 'doubtfulDebtAllowance'])
      .where('organization_id', 'in', [swedish.tenant.organizationId, danish.tenant.organizationId])
      .orderBy('account_number')
      .execute()

    expect(applied).toEqual(['0014-writedown-accounts'])
    expect(
      roles
        .map(
          (row) =>
            `${row.organization_id === swedish.tenant.organizationId ? 'SE' : 'DK'} ${row.account_number} ${row.role}`,
        )
        .sort(),
    ).toEqual([
      'DK 1891 doubtfulDebt',
      'DK 5815 doubtfulDebtAllowance',
      'SE 1519 doubtfulDebtAllowance',
      'SE 6351 doubtfulDebt',
    ])
  })
})
