// /billogram: list (compact form), create (with on_success), get (full form with events), update
// and delete while unattested. A billogram is a core case; its id is derived from the case number.

import type { FastifyInstance } from 'fastify'
import { primaryInvoiceOf } from '../../../core/cases/case-details.ts'
import { listCases } from '../../../core/cases/list-cases.ts'
import { createCase, deleteDraftCase, updateCase } from '../../../core/cases/save-case.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { DraftPatch } from '../../../core/invoices/update-draft-invoice.ts'
import { listAccounts } from '../../../core/ledger/list-accounts.ts'
import { getOrganizationProfile } from '../../../core/organizations/update-organization.ts'
import type { Invoice } from '../../../domain/invoicing/invoice.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { BillogramWireError, withWireFields } from '../errors.ts'
import { BILLOGRAM_CREATE, BILLOGRAM_LIST, BILLOGRAM_UPDATE } from '../wire/billogram-catalog.ts'
import { BILLOGRAM_FIELD_NAMES, draftPatchFromWire, hasNegativeTotal } from '../wire/billogram-in.ts'
import {
  billogramCompactToWire,
  billogramExtraOf,
  billogramToWire,
  customerSnapshotOf,
  type WireContext,
} from '../wire/billogram-out.ts'
import { attachmentFromWire, callbackFromWire, onSuccessFromWire } from '../wire/billogram-parts-in.ts'
import { renderBillogramCallback } from '../wire/callback-body.ts'
import { invoiceDunningFromWire } from '../wire/dunning-in.ts'
import { ok, okList } from '../wire/envelope.ts'
import { listSpecOf } from '../wire/list-query.ts'
import { readText } from '../wire/read.ts'
import { roundingAccountOf, withAccountDefaults } from '../wire/settings.ts'
import { checkBody, objectBody } from '../wire/strict-body.ts'
import { billogramById, customerOfBody, itemsOfBody } from './billogram-lookup.ts'
import { sendBillogramFile } from './billogram-pdf.ts'

type ById = { Params: { id: string }; Body: unknown; Querystring: Record<string, unknown> }

const ANNOUNCE = { announce: renderBillogramCallback }

/** The chart's rounding accounts only: the whole chart is hundreds of rows. */
async function roundingAccounts(core: CoreContext, tenant: Tenant) {
  const page = await listAccounts(core, tenant, {
    filters: [{ field: 'role', op: 'eq', value: 'rounding' }],
    limit: 10,
    offset: 0,
  })
  return page.items
}

export function registerBillogramRoutes(app: FastifyInstance, core: CoreContext, wire: WireContext): void {
  app.get<{ Querystring: Record<string, unknown> }>('/billogram', async (request) => {
    const page = await listCases(core, tenantOf(request), listSpecOf(request.query, BILLOGRAM_LIST))
    return okList(page.items.map(billogramCompactToWire), page.totalCount)
  })

  app.post<{ Body: unknown }>('/billogram', async (request) => {
    const tenant = tenantOf(request)
    const body = objectBody(request.body)
    const contact = await customerOfBody(core, tenant, body)
    if (!contact)
      throw new BillogramWireError('INVALID_PARAMETER', 'customer_no is required', [
        'customer',
        'customer_no',
      ])
    checkBody(body, BILLOGRAM_CREATE, { customer: customerSnapshotOf(contact) })
    const [products, organization, chart] = await Promise.all([
      itemsOfBody(core, tenant, body),
      getOrganizationProfile(core, tenant),
      roundingAccounts(core, tenant),
    ])
    const currency = readText(body, 'currency', [], 3) ?? contact.currency ?? organization.baseCurrency
    const filled = withAccountDefaults(body, organization.settings)
    const dunning = invoiceDunningFromWire(filled, currency)
    const draft = draftPatchFromWire(
      filled,
      contact.contactId,
      { products, currency, roundingAccount: roundingAccountOf(chart) },
      undefined,
    )
    const followUp = onSuccessFromWire(body)
    const callback = callbackFromWire(body)
    const attachment = attachmentFromWire(body)
    const details = await withWireFields(BILLOGRAM_FIELD_NAMES, () =>
      createCase(
        core,
        tenant,
        {
          draft: { ...draft, contactId: contact.contactId, lines: draft.lines ?? [] },
          standaloneCredit: hasNegativeTotal(draft.lines ?? [], products),
          dunning,
          ...(callback ? { callback } : {}),
          ...(attachment ? { attachment } : {}),
          ...(followUp ? { followUp } : {}),
        },
        ANNOUNCE,
      ),
    )
    return ok(billogramToWire(details, wire))
  })

  // One route for the billogram and its files: `{id}.pdf`, and `{id}%2Fattachment.pdf` as Java
  // sends it (one percent-encoded segment, ../shared/reference/billogram.md §1).
  app.get<ById>('/billogram/:id', async (request, reply) => {
    const tenant = tenantOf(request)
    const param = request.params.id
    const file = /^([^/]+)(\.pdf|\/attachment\.pdf)$/.exec(param)
    if (file?.[1])
      return sendBillogramFile(
        reply,
        core,
        tenant,
        file[1],
        file[2] === '.pdf' ? 'invoice' : 'attachment',
        request.query,
      )
    return ok(billogramToWire(await billogramById(core, tenant, param), wire))
  })

  app.get<ById>('/billogram/:id/attachment.pdf', async (request, reply) =>
    sendBillogramFile(reply, core, tenantOf(request), request.params.id, 'attachment', request.query),
  )

  app.put<ById>('/billogram/:id', async (request) => {
    const tenant = tenantOf(request)
    const current = await billogramById(core, tenant, request.params.id)
    const primary = primaryInvoiceOf(current)
    if (!primary)
      throw new BillogramWireError('NOT_FOUND', `billogram ${request.params.id} does not exist`, ['id'])
    const body = objectBody(request.body)
    const contact = (await customerOfBody(core, tenant, body)) ?? current.contact
    const shown = billogramToWire(current, wire)
    checkBody(body, BILLOGRAM_UPDATE, { ...shown, customer: customerSnapshotOf(contact) })
    const [products, chart] = await Promise.all([
      itemsOfBody(core, tenant, body),
      roundingAccounts(core, tenant),
    ])
    const currency = readText(body, 'currency', [], 3) ?? primary.currency
    const changedContact = contact.contactId === current.contactId ? undefined : contact.contactId
    const changes = withoutEchoes(body, shown)
    const dunning = invoiceDunningFromWire(changes, currency)
    const draft = draftPatchFromWire(
      changes,
      changedContact,
      { products, currency, roundingAccount: roundingAccountOf(chart) },
      primary,
    )
    const callback = callbackFromWire(body)
    const attachment = attachmentFromWire(body)
    const details = await withWireFields(BILLOGRAM_FIELD_NAMES, () =>
      updateCase(
        core,
        tenant,
        current.caseId,
        {
          ...(editsDraft(draft, primary) ? { draft } : {}),
          dunning,
          ...(callback === undefined ? {} : { callback }),
          ...(attachment === undefined ? {} : { attachment }),
        },
        ANNOUNCE,
      ),
    )
    return ok(billogramToWire(details, wire))
  })

  app.delete<ById>('/billogram/:id', async (request) => {
    const tenant = tenantOf(request)
    const current = await billogramById(core, tenant, request.params.id)
    const deleted = await deleteDraftCase(core, tenant, current.caseId)
    return ok({ ...billogramToWire(deleted, wire), state: 'Deleted' })
  })
}

/**
 * Java PUTs back the whole billogram it read: fields equal to what is stored are not changes, so
 * an echo of an attested billogram's unchanged items does not count as editing it.
 */
function withoutEchoes(body: Readonly<Record<string, unknown>>, shown: Readonly<Record<string, unknown>>) {
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(a) === JSON.stringify(JSON.parse(JSON.stringify(b ?? null)))
  return Object.fromEntries(
    Object.entries(body).filter(([key, value]) => key === 'customer' || !same(value, shown[key])),
  )
}

/** Whether the patch changes the draft: a field of its own, or the dialect's extra. */
function editsDraft(draft: DraftPatch, primary: Invoice): boolean {
  if (Object.keys(draft).some((key) => key !== 'extra')) return true
  return JSON.stringify(draft.extra?.billogram) !== JSON.stringify(billogramExtraOf(primary))
}
