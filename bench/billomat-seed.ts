// Fills an organization with many invoices for the Billomat benchmarks, fast: a few template
// invoices are made through the Billomat API (so their rows are exactly what the server writes),
// then cloned in bulk with their own ids, numbers, clients and dates, in batched inserts. The
// clones carry no ledger entries: the benchmarks read invoices, they do not check the books.

import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { createContact } from '../src/core/contacts/create-contact.ts'
import type { CoreContext, Tenant } from '../src/core/context.ts'
import { addDays } from '../src/domain/calendar/dates.ts'
import type { Storage } from '../src/storage/database.ts'
import { newId } from '../src/storage/ids.ts'
import type { CasesTable, InvoiceLinesTable, InvoicesTable } from '../src/storage/schema.ts'

const BATCH = 500

export type Seeded = Readonly<{ clientNos: readonly string[]; templateIds: readonly string[] }>

type Api = (method: string, url: string, body?: unknown) => Promise<Record<string, Record<string, string>>>

export function apiOf(app: FastifyInstance, apiKey: string): Api {
  return async (method, url, body) => {
    const response = await app.inject({
      method: method as 'GET',
      url: `/billomat/api${url}`,
      headers: { 'x-billomatapikey': apiKey, accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    })
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`)
    return response.json()
  }
}

async function templates(api: Api, clientNo: string): Promise<string[]> {
  const shapes = [
    [{ title: 'Beratung', quantity: 5, unit_price: 120, tax_rate: 19 }],
    [
      { title: 'Buch', quantity: 2, unit_price: 24.9, tax_rate: 7 },
      { title: 'Versand', quantity: 1, unit_price: 4.9, tax_rate: 19 },
    ],
    [{ title: 'Wartung', quantity: 1, unit_price: 980, tax_rate: 19, reduction: '5%' }],
    [{ title: 'Entwurf', quantity: 3, unit_price: 15, tax_rate: 19 }],
  ]
  const ids: string[] = []
  for (const [index, items] of shapes.entries()) {
    const created = await api('POST', '/invoices', {
      invoice: { client_id: clientNo, label: `Vorlage ${index}`, 'invoice-items': { 'invoice-item': items } },
    })
    const id = created.invoice!.id!
    if (index < 3) await api('PUT', `/invoices/${id}/complete`)
    ids.push(id)
  }
  return ids
}

export async function seedInvoices(
  core: CoreContext,
  tenant: Tenant,
  app: FastifyInstance,
  apiKey: string,
  count: number,
  clients: number,
): Promise<Seeded> {
  const storage: Storage = core.storage
  const org = tenant.organizationId
  const contacts = []
  for (let index = 0; index < clients; index += 1)
    contacts.push(
      await createContact(core, tenant, {
        name: `Kunde ${index}`,
        address: { city: 'Berlin', country: 'DE' },
      }),
    )
  const templateSeqs = await templates(apiOf(app, apiKey), String(contacts[0]!.contactNo))
  const rows = await storage.db
    .selectFrom('invoices')
    .selectAll()
    .where('organization_id', '=', org)
    .orderBy('invoice_seq')
    .execute()
  const lines = await storage.db
    .selectFrom('invoice_lines')
    .selectAll()
    .where('organization_id', '=', org)
    .execute()
  const counter = async (key: string) =>
    (
      await storage.db
        .selectFrom('counters')
        .select('next_value')
        .where('organization_id', '=', org)
        .where('counter_key', '=', key)
        .executeTakeFirstOrThrow()
    ).next_value
  let seq = await counter('invoice')
  let caseNo = await counter('case')
  let numberSeq = 1_000_000n
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start)
    const cases: CasesTable[] = []
    const invoices: InvoicesTable[] = []
    const clonedLines: InvoiceLinesTable[] = []
    for (let offset = 0; offset < size; offset += 1) {
      const index = start + offset
      // Every client gets every template in turn: open and draft invoices alike.
      const template = rows[Math.floor(index / contacts.length) % rows.length]!
      const contact = contacts[index % contacts.length]!
      const invoiceId = newId()
      const caseId = newId()
      const date = addDays('2024-01-01', index % 730)
      const approved = template.state !== 'draft'
      cases.push({
        organization_id: org,
        case_id: caseId,
        case_no: caseNo,
        contact_id: contact.contactId,
        page_token: randomBytes(24).toString('base64url'),
        extra: '{}',
        created_at: template.created_at,
        updated_at: template.updated_at,
      })
      invoices.push({
        ...template,
        invoice_id: invoiceId,
        invoice_seq: seq,
        case_id: caseId,
        contact_id: contact.contactId,
        invoice_date: date,
        due_date: approved ? addDays(date, 14) : null,
        number_seq: approved ? numberSeq : null,
        number: approved ? String(numberSeq) : null,
      })
      for (const line of lines.filter((candidate) => candidate.invoice_id === template.invoice_id))
        clonedLines.push({ ...line, invoice_id: invoiceId })
      seq += 1n
      caseNo += 1n
      numberSeq += 1n
    }
    await storage.db.transaction().execute(async (tx) => {
      await tx.insertInto('cases').values(cases).execute()
      await tx.insertInto('invoices').values(invoices).execute()
      for (let at = 0; at < clonedLines.length; at += BATCH)
        await tx
          .insertInto('invoice_lines')
          .values(clonedLines.slice(at, at + BATCH))
          .execute()
    })
  }
  await storage.db
    .updateTable('counters')
    .set({ next_value: seq })
    .where('organization_id', '=', org)
    .where('counter_key', '=', 'invoice')
    .execute()
  await storage.db
    .updateTable('counters')
    .set({ next_value: caseNo })
    .where('organization_id', '=', org)
    .where('counter_key', '=', 'case')
    .execute()
  await storage.db
    .updateTable('numbering_series')
    .set({ next_number: numberSeq })
    .where('organization_id', '=', org)
    .where('series_key', '=', 'invoice')
    .execute()
  // A database that took a bulk load has fresh planner statistics (PostgreSQL's autovacuum, or an
  // operator's ANALYZE); without them the planner guesses and the figures mean nothing.
  await sql`analyze`.execute(storage.db)
  return { clientNos: contacts.map((contact) => String(contact.contactNo)), templateIds: templateSeqs }
}
