// GET /billogram_event: a billogram's events beyond the last 100 its full form embeds. The only
// filter is billogram_id and the only order created_at (../shared/reference/billogram.md §2).

import type { FastifyInstance } from 'fastify'
import type { CoreContext } from '../../../core/context.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { BillogramWireError } from '../errors.ts'
import { eventsToWire } from '../wire/billogram-events.ts'
import { okList } from '../wire/envelope.ts'
import { DEFAULT_PAGE_SIZE, listSpecOf } from '../wire/list-query.ts'
import { billogramById } from './billogram-lookup.ts'

export function registerBillogramEventRoutes(app: FastifyInstance, core: CoreContext): void {
  app.get<{ Querystring: Record<string, unknown> }>('/billogram_event', async (request) => {
    const query = request.query
    const billogramId = query.filter_value
    if (query.filter_field !== 'billogram_id' || typeof billogramId !== 'string')
      throw new BillogramWireError(
        'MISSING_QUERY_PARAMETER',
        'events are listed per billogram: filter_type=field&filter_field=billogram_id&filter_value={id}',
        ['filter_field'],
      )
    if (query.order_field !== undefined && query.order_field !== 'created_at')
      throw new BillogramWireError('INVALID_QUERY_PARAMETER', 'events are ordered by created_at only', [
        'order_field',
      ])
    const spec = listSpecOf(
      { page: query.page, page_size: query.page_size ?? String(DEFAULT_PAGE_SIZE) },
      {
        filter: {},
        order: {},
        search: [],
      },
    )
    const details = await billogramById(core, tenantOf(request), billogramId)
    const events = eventsToWire(details, details.events).map((event) => ({
      ...event,
      billogram_id: billogramId,
    }))
    const ordered = query.order_direction === 'desc' ? events.reverse() : events
    return okList(ordered.slice(spec.offset, spec.offset + spec.limit), events.length)
  })
}
