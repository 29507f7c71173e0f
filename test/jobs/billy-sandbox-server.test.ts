// Proves, through the Billy HTTP API of a sandbox server on a real socket, with the clock moved by
// POST /admin/organizations/{id}/clock/advance: an approved invoice passes its due date and Billy
// shows what it knows of that (state `approved`, `isPaid` false, `balance` unchanged: Billy has no
// overdue state); a reminder through `invoiceReminders` charges its fee and the statutory interest
// of the overdue days to the øre, both in `balance` and as `postings` (1150 Rykkergebyrer, 3110
// Renteindtægter); under a respite the invoice is not overdue, so a reminder is refused and no
// interest accrues, and after it the next reminder charges only the days outside the respite; a
// late fee through `invoiceLateFees` posts too. Every reminder mail reaches a real SMTP server and
// the trial balance is zero. Billy has no respite of its own: it is granted through the core, as
// an operator or another dialect would.

import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { todayFor } from '../../src/core/context.ts'
import { createCredential } from '../../src/core/credentials/create-credential.ts'
import { grantRespite } from '../../src/core/dunning/respite.ts'
import { createOrganization } from '../../src/core/organizations/create-organization.ts'
import { addDays } from '../../src/domain/calendar/dates.ts'
import { INTEREST_DENOMINATOR } from '../../src/domain/dunning/interest.ts'
import { STATUTORY_TABLE } from '../../src/domain/dunning/statutory-table.ts'
import { divideRounded } from '../../src/domain/money/money.ts'
import { type Running, startFaktura } from '../../src/main.ts'
import { type SmtpServerFixture, startSmtpServer } from '../delivery/smtp-server-fixture.ts'
import { trialBalanceMinor } from '../dialects/billy/billy-app.ts'
import { describeEachEngine } from '../support/engines.ts'

const PRINCIPAL_ORE = 125_000n
const DK_MARGIN_UNITS = 80_000n

/** Denmark's statutory yearly rate on a day, in ten-thousandths of a percent: reference rate + 8 points. */
function rateUnitsOn(day: string): bigint {
  const row = STATUTORY_TABLE.filter(
    (entry) => entry.country === 'DK' && entry.item === 'referenceRatePercent' && entry.validFrom <= day,
  ).at(-1)
  if (!row) throw new Error(`no Danish reference rate on ${day}`)
  const [whole = '0', fraction = ''] = row.value.split('.')
  return BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0')) + DK_MARGIN_UNITS
}

/** The interest in kroner earned on the principal over the given overdue days, rounded half-up. */
function interestKroner(days: readonly string[]): number {
  const numerator = days.reduce((sum, day) => sum + PRINCIPAL_ORE * rateUnitsOn(day), 0n)
  return Number(divideRounded(numerator, INTEREST_DENOMINATOR, 'half-up')) / 100
}

function daysFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(first, index))
}

describeEachEngine('billy dunning on a sandbox server', ({ dataDir, databaseUrl }) => {
  let smtp: SmtpServerFixture
  let running: Running
  let organizationId = ''
  let token = ''
  let contactId = ''
  let personId = ''
  let productId = ''
  let accountIds: Record<string, string> = {}

  beforeAll(async () => {
    smtp = await startSmtpServer()
    const url = databaseUrl()
    const config = loadConfig(
      {
        'data-dir': dataDir(),
        port: '0',
        sandbox: true,
        'smtp-url': `smtp://127.0.0.1:${smtp.port}`,
        ...(url ? { 'database-url': url } : {}),
      },
      { LOG_LEVEL: 'silent' },
    )
    running = await startFaktura(config, undefined, {
      relayPollIntervalMs: 50,
      schedulerPollIntervalMs: 3_600_000,
    })
    const organization = await createOrganization(running.core, {
      name: 'Sandkassen ApS',
      country: 'DK',
      currency: 'DKK',
      settings: { email: 'bogholderi@sandkassen.example', orgNo: '12345678' },
    })
    organizationId = organization.organizationId
    token = String(
      (await createCredential(running.core, { organizationId, dialect: 'billy' })).secrets.accessToken,
    )
    const contact = await call('POST', '/contacts', {
      contact: {
        name: 'Ane Kunde',
        type: 'person',
        countryId: 'DK',
        contactPersons: [{ name: 'Ane', email: 'ane@kunde.example', isPrimary: true }],
      },
    })
    contactId = contact.contacts[0].id
    personId = contact.contactPersons[0].id
    const product = await call('POST', '/products', {
      product: { name: 'Rådgivning', prices: [{ unitPrice: 1000, currencyId: 'DKK' }] },
    })
    productId = product.products[0].id
    const accounts = (await call('GET', '/accounts')).accounts as { accountNo: number; id: string }[]
    accountIds = Object.fromEntries(accounts.map((account) => [String(account.accountNo), account.id]))
  })
  afterAll(async () => {
    await running?.close()
    await smtp?.close()
  })

  // biome-ignore lint/suspicious/noExplicitAny: tests read the vendor's JSON by its documented shape
  async function call(method: string, path: string, body?: unknown): Promise<any> {
    const response = await fetch(`${running.urls.main}/billy/v2${path}`, {
      method,
      headers: {
        'x-access-token': token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: response.status, ...((await response.json()) as object) }
  }
  async function advance(days: number): Promise<string> {
    const response = await fetch(`${running.urls.main}/admin/organizations/${organizationId}/clock/advance`, {
      method: 'POST',
      headers: { 'x-access-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ days }),
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { today: string }).today
  }
  const read = async (id: string) => (await call('GET', `/invoices/${id}`)).invoice
  const remind = (invoiceId: string) =>
    call('POST', '/invoiceReminders', {
      invoiceReminder: {
        organizationId,
        contactId,
        contactPersonId: personId,
        feeCurrencyId: 'DKK',
        flatFee: 100,
        percentageFee: 0,
        sendEmail: true,
        emailSubject: 'Rykker',
        emailBody: 'Vi mangler din betaling.',
        associations: [{ invoiceId }],
      },
    })
  async function postedTo(accountNo: string): Promise<number[]> {
    const postings = (await call('GET', `/postings?accountId=${accountIds[accountNo]}`)).postings as {
      amount: number
      side: string
    }[]
    return postings.map((posting) => (posting.side === 'credit' ? posting.amount : -posting.amount))
  }
  async function waitForMails(count: number) {
    const deadline = Date.now() + 20_000
    while (smtp.received.filter((mail) => mail.rcptTo.includes('ane@kunde.example')).length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} reminder mails`)
      await sleep(50)
    }
  }

  test('an approved invoice passes its due date, is reminded with fee and interest, and pauses under a respite', async () => {
    const today = todayFor(running.core)
    const created = await call('POST', '/invoices', {
      invoice: {
        contactId,
        entryDate: today,
        paymentTermsDays: 8,
        currencyId: 'DKK',
        state: 'approved',
        lines: [{ productId, unitPrice: 1000, quantity: 1 }],
      },
    })
    expect(created.status, JSON.stringify(created)).toBe(200)
    const id: string = created.invoices[0].id
    const dueDate: string = created.invoices[0].dueDate

    const dueDay = await advance(8)
    const onDueDay = await read(id)
    const tooEarly = await remind(id)
    await advance(7)
    const overdue = await read(id)
    const first = await remind(id)
    const again = await remind(id)
    const afterFirst = await read(id)

    expect(dueDay).toBe(dueDate)
    expect(onDueDay).toMatchObject({ state: 'approved', isPaid: false, balance: 1250, sentState: 'unsent' })
    expect(tooEarly.status).toBe(422)
    // Billy has no overdue state: seven days late, the invoice reads as on its due day.
    expect(overdue).toMatchObject({ state: 'approved', isPaid: false, balance: 1250, dueDate })
    expect(first.status).toBe(200)
    expect(again.status).toBe(422)
    const interest7 = interestKroner(daysFrom(addDays(dueDate, 1), 7))
    expect(afterFirst.balance).toBe(1250 + 100 + interest7)
    expect(await postedTo('1150')).toEqual([100])
    expect(await postedTo('3110')).toEqual([interest7])

    // A respite of ten days from today: the invoice is open again, so no reminder and no interest.
    const respiteUntil = addDays(dueDate, 17)
    await grantRespite(running.core, { organizationId }, { invoiceId: id, until: respiteUntil })
    await advance(10)
    const paused = await read(id)
    const refused = await remind(id)
    expect(paused).toMatchObject({
      state: 'approved',
      isPaid: false,
      balance: afterFirst.balance,
      dueDate: respiteUntil,
    })
    expect(refused.status).toBe(422)

    // Five days after the respite: the second reminder charges the interest of 7 + 5 overdue days.
    await advance(5)
    const second = await remind(id)
    const afterSecond = await read(id)
    const interest12 = interestKroner([
      ...daysFrom(addDays(dueDate, 1), 7),
      ...daysFrom(addDays(respiteUntil, 1), 5),
    ])
    expect(second.status).toBe(200)
    expect(afterSecond.balance).toBe(1250 + 200 + interest12)
    expect(await postedTo('1150')).toEqual([100, 100])
    expect((await postedTo('3110')).reduce((sum, amount) => sum + amount, 0)).toBe(interest12)

    const lateFee = await call('POST', '/invoiceLateFees', {
      invoiceLateFee: { invoiceId: id, entryDate: addDays(respiteUntil, 5), flatFee: 50, percentageFee: 0 },
    })
    expect(lateFee.status).toBe(200)
    expect((await read(id)).balance).toBe(1250 + 250 + interest12)
    expect(await postedTo('1150')).toEqual([100, 100, 50])
    // Reminder fees and interest post under the invoice they raise.
    const underInvoice = (await call('GET', `/postings?originatorReference=invoice:${id}`)).postings as {
      accountId: string
      amount: number
    }[]
    const creditedTo = (accountNo: string) =>
      underInvoice
        .filter((posting) => posting.accountId === accountIds[accountNo])
        .map((posting) => posting.amount)
    expect(creditedTo('1150')).toEqual([100, 100])
    expect(creditedTo('3110').reduce((sum, amount) => sum + amount, 0)).toBe(interest12)

    await waitForMails(2)
    await sleep(300)
    const reminders = smtp.received.filter((mail) => mail.rcptTo.includes('ane@kunde.example'))
    expect(reminders).toHaveLength(2)
    expect(reminders.every((mail) => mail.raw.toString('utf8').includes('Subject: Rykker'))).toBe(true)
  }, 120_000)

  test('the trial balance is zero', async () => {
    expect(await trialBalanceMinor(running.storage, organizationId)).toBe(0n)
  })
})
