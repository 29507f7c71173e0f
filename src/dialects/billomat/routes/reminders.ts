// /reminders (§2.9): list (reminder-search.ts), get, create, and the actions complete, pdf, email,
// mail, cancel, uncancel.
// A reminder is the core's (send-reminder.ts): creating one reminds the invoice at once with its
// next level, charging that level's reminder-text charge; email and mail send that reminder's
// document. The scheduler's automatic reminders are listed here as well.

import type { FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { listReminders, type ReminderRecord, reminderKeyOf } from '../../../core/dunning/list-reminders.ts'
import { sendReminder } from '../../../core/dunning/send-reminder.ts'
import { getInvoiceDunning } from '../../../core/dunning/set-invoice-dunning.ts'
import { getInvoice } from '../../../core/invoices/get-invoice.ts'
import { searchInvoices } from '../../../core/invoices/search-invoices.ts'
import { sendInvoice } from '../../../core/invoices/send-invoice.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { organizationToday } from '../../../core/organizations/organization-today.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { DomainError, invalidField, notFound } from '../../../domain/errors.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import { parseDecimal, toMinorUnits } from '../../../domain/money/decimal.ts'
import { contactByNo, contactNosOf, invoiceBySeq, pathId } from '../ids.ts'
import type { WireStrings } from '../invoices/extra.ts'
import { renderDocumentPdf, sendPdf } from '../invoices/pdf.ts'
import { emailFromWire, letterFromWire } from '../invoices/sending.ts'
import { dunningLevels, levelText } from '../reminders/dunning-levels.ts'
import { reminderExtras, reminderRequestOf, saveReminderExtra } from '../reminders/reminder-extra.ts'
import { reminderSearchOf } from '../reminders/reminder-search.ts'
import { reminderToWire, splitReminderId } from '../reminders/reminder-wire.ts'
import { pagingOf, queryIds } from '../wire/query.ts'
import { readId } from '../wire/read.ts'
import { sendList, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes, type WireRecord } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

/** Reminders as Billomat shows them, each with its level's texts (the webhooks send these too). */
export async function renderReminders(
  core: CoreContext,
  t: Tenant,
  baseUrl: string,
  reminders: readonly ReminderRecord[],
): Promise<WireRecord[]> {
  const invoiceIds = [...new Set(reminders.map((reminder) => reminder.invoiceId))]
  const [levels, given, clients, invoices] = await Promise.all([
    dunningLevels(core, t),
    reminderExtras(core, t, reminders.map(reminderKeyOf)),
    contactNosOf(
      core,
      t,
      reminders.map((reminder) => reminder.contactId),
    ),
    invoiceIds.length === 0
      ? { items: [] }
      : searchInvoices(core, t, {
          filters: [{ field: 'invoiceId', op: 'in', value: invoiceIds }],
          limit: invoiceIds.length,
          offset: 0,
        }),
  ])
  const tokens = new Map(invoices.items.map((invoice) => [invoice.invoiceId, invoice.pageToken]))
  const latest = new Map<string, number>()
  for (const reminder of reminders)
    latest.set(reminder.invoiceId, Math.max(latest.get(reminder.invoiceId) ?? 0, reminder.level))
  return reminders.map((reminder) =>
    reminderToWire(reminder, {
      clientNo: clients.get(reminder.contactId)?.contactNo,
      text: levelText(levels, reminder.level),
      given: given.get(reminderKeyOf(reminder)) ?? {},
      latestLevel: latest.get(reminder.invoiceId) ?? reminder.level,
      publicBaseUrl: baseUrl,
      pageToken: tokens.get(reminder.invoiceId) ?? '',
    }),
  )
}

export async function reminderById(core: CoreContext, t: Tenant, id: bigint): Promise<ReminderRecord> {
  const { invoiceSeq, level } = splitReminderId(id)
  const invoice = await invoiceBySeq(core, t, invoiceSeq, 'invoice').catch(() => {
    throw notFound('reminder', String(id))
  })
  const [reminder] = (
    await listReminders(core, t, { invoiceIds: [invoice.invoiceId], level, limit: 1, offset: 0 })
  ).items
  if (!reminder) throw notFound('reminder', String(id))
  return reminder
}

/** The charge of the invoice's next level, in the organization's currency. */
async function nextLevelFee(core: CoreContext, t: Tenant, invoiceId: string): Promise<bigint | undefined> {
  const [dunning, levels, organization] = await Promise.all([
    getInvoiceDunning(core, t, invoiceId),
    dunningLevels(core, t),
    getOrganization(core, t),
  ])
  const text = levelText(levels, dunning.level + 1)
  const charge = (text?.data as WireStrings | undefined)?.charge_amount
  if (!charge) return undefined
  return toMinorUnits(
    parseDecimal(charge, 'charge_amount'),
    organization.baseCurrency as CurrencyCode,
    'half-up',
  )
}

/** The fields a new reminder reads (appendix: mahnungen). */
export const REMINDER_ELEMENTS = [
  'invoice_id',
  'contact_id',
  'date',
  'due_days',
  'due_date',
  'subject',
  'intro',
  'note',
  'label',
]

export const reminderRoutes: Routes = (app, services) => {
  const core = services.core
  const baseUrl = services.config.publicBaseUrl
  const noticeOf = async (t: Tenant, reminder: ReminderRecord) => ({
    level: reminder.level,
    remindedOn: reminder.remindedOn,
    payByOn: reminder.payByOn,
    interestChargedMinor: (await getInvoiceDunning(core, t, reminder.invoiceId)).interestChargedMinor,
  })
  const one = async (request: FastifyRequest, reminder: ReminderRecord) =>
    (await renderReminders(core, tenant(request), baseUrl, [reminder]))[0] as WireRecord

  app.get('/reminders', async (request, reply) => {
    const t = tenant(request)
    const query = queryOf(request)
    const paging = pagingOf(query)
    const invoices = await Promise.all(
      queryIds(query, 'invoice_id').map((seq) => invoiceBySeq(core, t, seq, 'invoice', 'invoice_id')),
    )
    const clients = await Promise.all(
      queryIds(query, 'client_id').map((no) => contactByNo(core, t, no, 'client_id')),
    )
    const page = await listReminders(core, t, {
      ...(await reminderSearchOf(core, t, query)),
      ...(invoices.length ? { invoiceIds: invoices.map((invoice) => invoice.invoiceId) } : {}),
      ...(clients.length ? { contactIds: clients.map((client) => client.contactId) } : {}),
      limit: paging.limit,
      offset: paging.offset,
    })
    const items = await renderReminders(core, t, baseUrl, page.items)
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(request, reply, list('reminders', 'reminder', items, attributes), page.totalCount)
  })

  app.get('/reminders/:id', async (request, reply) =>
    sendRecord(
      request,
      reply,
      await one(request, await reminderById(core, tenant(request), pathId(request, 'reminder'))),
    ),
  )

  app.post('/reminders', async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, REMINDER_ELEMENTS)
    const seq = readId(body, 'invoice_id')
    if (seq === undefined) throw invalidField('invoice_id', 'invoice_id is required')
    const invoice = await invoiceBySeq(core, t, seq, 'invoice', 'invoice_id')
    const [today, clients] = await Promise.all([
      organizationToday(core, t),
      contactNosOf(core, t, [invoice.contactId]),
    ])
    const given = await reminderRequestOf(core, t, body, {
      today,
      clientNo: clients.get(invoice.contactId)?.contactNo,
    })
    const feeMinor = await nextLevelFee(core, t, invoice.invoiceId)
    // The reminder and what it was given are one change: both are kept, or neither.
    const sent = await inOneTransaction(core, async (unit) => {
      const made = await sendReminder(unit, t, {
        invoiceId: invoice.invoiceId,
        channels: {},
        ...(feeMinor === undefined ? {} : { feeMinor }),
        ...(given.payByDays === undefined ? {} : { payByDays: given.payByDays }),
      })
      await saveReminderExtra(unit, t, made, given.extra)
      return made
    })
    const reminder = await reminderById(core, t, seq * 100n + BigInt(sent.level))
    return sendRecord(request, reply, await one(request, reminder), 201)
  })

  // The reminder document: the invoice with what is owed split into principal and this level's
  // charges, as the reminder's email and letter carry it.
  app.get('/reminders/:id/pdf', async (request, reply) => {
    const t = tenant(request)
    const id = pathId(request, 'reminder')
    const reminder = await reminderById(core, t, id)
    const [invoice, notice] = await Promise.all([
      getInvoice(core, t, reminder.invoiceId),
      noticeOf(t, reminder),
    ])
    const pdf = await renderDocumentPdf(core, t, invoice, notice)
    return sendPdf(
      request,
      reply,
      { field: 'reminder_id', seq: id },
      {
        filename: `reminder_${id}.pdf`,
        mimetype: 'application/pdf',
        base64: pdf.toString('base64'),
        byteLength: pdf.length,
        createdAt: reminder.createdAt,
      },
    )
  })

  // A reminder is complete when it is made: completing it again answers it as it stands.
  app.put('/reminders/:id/complete', async (request, reply) =>
    sendRecord(
      request,
      reply,
      await one(request, await reminderById(core, tenant(request), pathId(request, 'reminder'))),
    ),
  )

  for (const channel of ['email', 'mail'] as const)
    app.post(`/reminders/:id/${channel}`, async (request, reply) => {
      const t = tenant(request)
      const id = pathId(request, 'reminder')
      const reminder = await reminderById(core, t, id)
      const body = bodyOf(request, [
        'recipients',
        'subject',
        'body',
        'filename',
        'color',
        'duplex',
        'paper_weight',
      ])
      const notice = await noticeOf(t, reminder)
      await sendInvoice(core, t, {
        invoiceId: reminder.invoiceId,
        reminder: notice,
        eventData: { reminderNo: reminder.level },
        ...(channel === 'email'
          ? {
              email: emailFromWire(body, {
                template: undefined,
                filenamePattern: `reminder_${id}`,
                bccAddresses: [],
                values: {},
              }),
            }
          : { letter: letterFromWire(body) }),
      })
      return sendRecord(request, reply, await one(request, reminder))
    })

  for (const action of ['cancel', 'uncancel'] as const)
    app.put(`/reminders/:id/${action}`, async (request) => {
      await reminderById(core, tenant(request), pathId(request, 'reminder'))
      throw new DomainError(
        'wrong_state',
        `a reminder's charge is posted when it is made and cannot be ${action}ed; credit the invoice instead`,
        { field: 'id' },
      )
    })
}
