// /recurrings (§2.10): list with filters, get, create with items inline, edit, delete and
// `PUT {id}/stop`, each over one core use case. The invoices themselves are issued by the
// scheduler's recurring job (src/core/recurring/issue-due-recurrings.ts).

import type { FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { deleteRecordsOf } from '../../../core/records/delete-records.ts'
import { previewRecurring } from '../../../core/recurring/preview-recurring.ts'
import {
  createRecurring,
  deleteRecurring,
  stopRecurring,
  updateRecurring,
} from '../../../core/recurring/save-recurring.ts'
import { searchRecurrings } from '../../../core/recurring/search-recurrings.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { contactNosOf, pathId } from '../ids.ts'
import { documentLookups } from '../invoices/lookups.ts'
import { RECURRING_ORDER_FIELDS, recurringByNo, recurringFiltersOf } from '../recurrings/recurring-lookups.ts'
import {
  type CurrentRecurring,
  RECURRING_ELEMENTS,
  recurringFromWire,
  recurringToWire,
} from '../recurrings/recurring-wire.ts'
import { nestedItems } from '../wire/body.ts'
import { orderOf, pagingOf } from '../wire/query.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes, type WireRecord } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

export async function renderRecurrings(
  core: CoreContext,
  t: Tenant,
  publicBaseUrl: string,
  currents: readonly CurrentRecurring[],
): Promise<WireRecord[]> {
  const clients = await contactNosOf(
    core,
    t,
    currents.map((current) => current.recurring.contactId),
  )
  return currents.map((current) =>
    recurringToWire(current, { client: clients.get(current.recurring.contactId), publicBaseUrl }),
  )
}

export const recurringRoutes: Routes = (app, services) => {
  const core = services.core
  const baseUrl = services.config.publicBaseUrl
  const load = (request: FastifyRequest) => recurringByNo(core, tenant(request), pathId(request, 'recurring'))
  const answer = async (request: FastifyRequest, current: CurrentRecurring) =>
    (await renderRecurrings(core, tenant(request), baseUrl, [current]))[0] as WireRecord

  app.get('/recurrings', async (request, reply) => {
    const t = tenant(request)
    const query = queryOf(request)
    const paging = pagingOf(query)
    const page = await searchRecurrings(core, t, {
      filters: await recurringFiltersOf(core, t, query),
      orderBy: orderOf(query, RECURRING_ORDER_FIELDS),
      limit: paging.limit,
      offset: paging.offset,
    })
    const currents = await Promise.all(
      page.items.map(async (recurring) => ({
        recurring,
        preview: await previewRecurring(core, t, recurring),
      })),
    )
    const items = await renderRecurrings(core, t, baseUrl, currents)
    const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
    return sendList(request, reply, list('recurrings', 'recurring', items, attributes), page.totalCount)
  })

  app.get('/recurrings/:id', async (request, reply) =>
    sendRecord(request, reply, await answer(request, await load(request))),
  )

  app.post('/recurrings', async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, RECURRING_ELEMENTS)
    const items = nestedItems(body['recurring-items'], 'recurring-item', 'recurring-items')
    const lookups = await documentLookups(core, t, body, items, true, 'recurring-item')
    const created = await createRecurring(core, t, recurringFromWire(body, items, lookups))
    const current = { recurring: created, preview: await previewRecurring(core, t, created) }
    return sendRecord(request, reply, await answer(request, current), 201)
  })

  app.put('/recurrings/:id', async (request, reply) => {
    const t = tenant(request)
    const current = await load(request)
    const body = bodyOf(request, RECURRING_ELEMENTS)
    const lookups = await documentLookups(core, t, body, [], false, 'recurring-item')
    const input = recurringFromWire(body, undefined, lookups, current)
    // Only what the body names changes the schedule; the rest keeps the series where it is.
    const { startOn, recurrence, ...patch } = input
    const updated = await updateRecurring(core, t, current.recurring.recurringId, {
      ...patch,
      ...(body.start_date === undefined ? {} : { startOn }),
      ...(body.cycle === undefined && body.cycle_number === undefined ? {} : { recurrence }),
    })
    return sendRecord(
      request,
      reply,
      await answer(request, { recurring: updated, preview: await previewRecurring(core, t, updated) }),
    )
  })

  app.delete('/recurrings/:id', async (request, reply) => {
    const t = tenant(request)
    const { recurring } = await load(request)
    await inOneTransaction(core, async (unit) => {
      await deleteRecurring(unit, t, recurring.recurringId)
      await deleteRecordsOf(unit, t, recurring.recurringId)
    })
    return sendNothing(reply)
  })

  app.put('/recurrings/:id/stop', async (request, reply) => {
    const t = tenant(request)
    const { recurring } = await load(request)
    const stopped = await stopRecurring(core, t, recurring.recurringId)
    return sendRecord(
      request,
      reply,
      await answer(request, { recurring: stopped, preview: await previewRecurring(core, t, stopped) }),
    )
  })
}
