// Proves Billy's daybooks on both engines: drafts post nothing, approval posts one balanced entry
// (VAT split out of lines with a tax rate), unbalanced lines are refused with 422, voiding reverses
// the entry, and apiType finds a transaction again as Billy's clients use it.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, trialBalanceMinor } from './billy-app.ts'

type Posting = { accountId: string; amount: number; side: string }

describeEachEngine('billy daybooks', ({ storage }) => {
  let world: BillyWorld
  let accountIds: Record<number, string>
  let daybookId: string
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const accounts = (await world.client.get('/accounts')).json().accounts
    accountIds = Object.fromEntries(
      accounts.map((account: { accountNo: number; id: string }) => [account.accountNo, account.id]),
    )
    const daybook = await world.client.post('/daybooks', { daybook: { name: 'Kassekladde' } })
    daybookId = daybook.json().daybooks[0].id
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  function sale(fields: Record<string, unknown> = {}, lines?: unknown[]) {
    return world.client.post('/daybookTransactions', {
      daybookTransaction: {
        daybookId,
        entryDate: '2024-06-01',
        description: 'Dagens salg',
        lines: lines ?? [
          {
            text: 'Kontantsalg',
            accountId: accountIds[1110],
            contraAccountId: accountIds[5720],
            taxRateId: 'sales-25',
            amount: 1250,
            side: 'credit',
          },
        ],
        ...fields,
      },
    })
  }

  async function postingsOf(id: string): Promise<Posting[]> {
    return (
      await world.client.get(`/postings?originatorReference=daybookTransaction:${id}&isVoided=false`)
    ).json().postings
  }

  test('a draft posts nothing; approving it posts revenue, output VAT and cash', async () => {
    const draft = (await sale()).json().daybookTransactions[0]
    const before = await postingsOf(draft.id)

    const approved = await world.client.put(`/daybookTransactions/${draft.id}`, {
      daybookTransaction: { state: 'approved' },
    })

    expect(draft.state).toBe('draft')
    expect(before).toEqual([])
    expect(approved.json().daybookTransactions[0].state).toBe('approved')
    expect((await postingsOf(draft.id)).map((p) => [p.accountId, p.amount, p.side])).toEqual([
      [accountIds[1110], 1000, 'credit'],
      [accountIds[7410], 250, 'credit'],
      [accountIds[5720], 1250, 'debit'],
    ])
  })

  test('lines whose debits and credits differ are refused with 422', async () => {
    const response = await sale({}, [
      { accountId: accountIds[5710], amount: 100, side: 'debit' },
      { accountNo: 1110, amount: 90, side: 'credit' },
    ])

    expect(response.statusCode).toBe(422)
    expect(response.json().validationErrors.daybookTransaction.attributes).toHaveProperty('lines')
  })

  test('lines come back with their transaction, and accountNo works like accountId', async () => {
    const created = await sale({ state: 'approved' }, [
      { accountNo: 5710, amount: 300, side: 'debit', _clientId: 'bank' },
      { accountNo: 1110, amount: 300, side: 'credit' },
    ])

    const body = created.json()
    const read = await world.client.get(
      `/daybookTransactions/${body.daybookTransactions[0].id}?include=daybookTransaction.lines:embed`,
    )
    expect(
      body.daybookTransactionLines.find((line: { _clientId?: string }) => line._clientId === 'bank')
        .accountId,
    ).toBe(accountIds[5710])
    expect(
      read
        .json()
        .daybookTransaction.lines.map((line: { amount: number; side: string }) => [line.amount, line.side]),
    ).toEqual([
      [300, 'debit'],
      [300, 'credit'],
    ])
  })

  test('voiding an approved transaction reverses its entry; an approved one cannot be deleted', async () => {
    const approved = (await sale({ state: 'approved' })).json().daybookTransactions[0]

    const remove = await world.client.delete(`/daybookTransactions/${approved.id}`)
    const voided = await world.client.put(`/daybookTransactions/${approved.id}`, {
      daybookTransaction: { state: 'voided' },
    })

    expect(remove.statusCode).toBe(422)
    expect(voided.json().daybookTransactions[0].state).toBe('voided')
    expect(await postingsOf(approved.id)).toEqual([])
  })

  test('apiType finds a transaction again, and a draft is deleted with its lines', async () => {
    const draft = (await sale({ apiType: 'shop-order-1001' })).json().daybookTransactions[0]

    const found = await world.client.get('/daybookTransactions?apiType=shop-order-1001')
    const removed = await world.client.delete(`/daybookTransactions/${draft.id}`)

    expect(found.json().daybookTransactions.map((item: { id: string }) => item.id)).toEqual([draft.id])
    expect(removed.json().meta.deletedRecords).toEqual({
      daybookTransactions: [draft.id],
      daybookTransactionLines: [`${draft.id}.1`],
    })
  })

  test('a daybook holding transactions is not deleted', async () => {
    const response = await world.client.delete(`/daybooks/${daybookId}`)

    expect(response.statusCode).toBe(422)
  })

  test('a daybook saved with balance accounts keeps them in order, and saving them again replaces them', async () => {
    const created = await world.client.post('/daybooks', {
      daybook: {
        name: 'Bank',
        balanceAccounts: [
          { accountId: accountIds[5720], priority: 2 },
          { accountId: accountIds[5710], priority: 1 },
        ],
      },
    })
    const id = created.json().daybooks[0].id
    const first = created.json().daybookBalanceAccounts.map((account: { id: string }) => account.id)

    const included = await world.client.get(`/daybooks/${id}?include=daybook.balanceAccounts:embed`)
    const replaced = await world.client.put(`/daybooks/${id}`, {
      daybook: { balanceAccounts: [{ accountId: accountIds[5710], priority: 1 }] },
    })

    expect(
      included.json().daybook.balanceAccounts.map((account: { accountId: string }) => account.accountId),
    ).toEqual([accountIds[5710], accountIds[5720]])
    expect(replaced.json().meta.deletedRecords.daybookBalanceAccounts.sort()).toEqual(first.sort())
    expect(replaced.json().daybookBalanceAccounts).toHaveLength(1)
  })

  test('a balance account needs a known account, once per daybook', async () => {
    const unknown = await world.client.post('/daybookBalanceAccounts', {
      daybookBalanceAccount: { daybookId, accountId: 'no-such-account', priority: 1 },
    })
    await world.client.post('/daybookBalanceAccounts', {
      daybookBalanceAccount: { daybookId, accountId: accountIds[5710], priority: 1 },
    })
    const twice = await world.client.post('/daybookBalanceAccounts', {
      daybookBalanceAccount: { daybookId, accountId: accountIds[5710], priority: 2 },
    })

    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().validationErrors.daybookBalanceAccount.attributes).toHaveProperty('accountId')
    expect(twice.statusCode).toBe(422)
    expect(twice.json().validationErrors.daybookBalanceAccount.attributes).toHaveProperty('accountId')
  })
})
