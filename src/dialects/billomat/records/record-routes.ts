// The routes of a record resource by its spec: list (filters, paging, order, the parent id when
// required), get, create (201), edit and delete, each through the core's record use cases. A
// create or edit that sets an exclusive flag (is_default) clears it on the others in the same
// transaction, and so does a spec's afterChange: what it refuses undoes the change.

import type { FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { Filter } from '../../../core/queries/list-spec.ts'
import { createRecord } from '../../../core/records/create-record.ts'
import { deleteRecord } from '../../../core/records/delete-records.ts'
import { getRecord, listRecords } from '../../../core/records/list-records.ts'
import { updateRecord } from '../../../core/records/update-record.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { invalidField } from '../../../domain/errors.ts'
import { pathId } from '../ids.ts'
import { bodyOf, queryOf, type Routes, tenant } from '../routes/kit.ts'
import { orderOf, pagingOf, type Query, queryIds, queryList, queryValue } from '../wire/query.ts'
import { sendList, sendNothing, sendRecord } from '../wire/reply.ts'
import { list, pagedAttributes } from '../wire/tree.ts'
import type { RecordSpec } from './record-spec.ts'
import { dataForCreate, dataForUpdate, recordToWire } from './record-wire.ts'

type Data = Record<string, string>

async function filtersOf(core: CoreContext, t: Tenant, spec: RecordSpec, query: Query): Promise<Filter[]> {
  const filters: Filter[] = []
  for (const [param, filter] of Object.entries(spec.filters ?? {})) {
    const field = `data.${filter.field}`
    if (filter.op === 'in') {
      const values = queryList(query, param)
      if (values.length > 0) filters.push({ field, op: 'in', value: values })
      continue
    }
    const value = queryValue(query, param)
    if (value === undefined) continue
    filters.push(
      filter.op === 'eq'
        ? { field, op: 'eq', value }
        : { field, op: 'contains', value, caseInsensitive: true },
    )
  }
  const parent = spec.parent
  if (parent) {
    const ids = queryIds(query, parent.field)
    if (ids.length === 0 && parent.requiredInList)
      throw invalidField(parent.field, `${parent.field} is required`)
    if (ids.length > 0) {
      const owners = await Promise.all(ids.map((id) => parent.resolve(core, t, id)))
      filters.push({ field: 'ownerId', op: 'in', value: owners })
    }
  }
  return filters
}

function orderFields(spec: RecordSpec): Record<string, string> {
  return {
    id: 'recordNo',
    created: 'createdAt',
    updated: 'updatedAt',
    ...Object.fromEntries(
      spec.fields.filter((field) => !field.hidden).map((field) => [field.name, `data.${field.name}`]),
    ),
  }
}

/** Clears the exclusive flag on every other record of the resource (of the same scope). */
async function clearOthers(
  core: CoreContext,
  t: Tenant,
  spec: RecordSpec,
  keep: bigint,
  data: Data,
): Promise<void> {
  const flag = spec.exclusiveFlag
  if (!flag) return
  const scope = spec.exclusiveScope
  const others = await listRecords(core, t, spec.resource, {
    filters: [
      { field: `data.${flag}`, op: 'eq', value: '1' },
      ...(scope ? [{ field: `data.${scope}`, op: 'eq' as const, value: data[scope] ?? '' }] : []),
    ],
    limit: 1000,
    offset: 0,
  })
  for (const other of others.items)
    if (other.recordNo !== keep)
      await updateRecord(core, t, spec.resource, other.recordNo, (current) => ({
        ...current.data,
        [flag]: '0',
      }))
}

export function recordRoutes(spec: RecordSpec): Routes {
  const plural = spec.plural ?? spec.path
  return (app, services) => {
    const core = services.core
    const idOf = (request: FastifyRequest) => pathId(request, spec.element)
    const has = (method: RecordSpec['methods'][number]) => spec.methods.includes(method)

    if (has('list'))
      app.get(`/${spec.path}`, async (request, reply) => {
        const query = queryOf(request)
        const paging = pagingOf(query)
        const page = await listRecords(core, tenant(request), spec.resource, {
          filters: await filtersOf(core, tenant(request), spec, query),
          orderBy: orderOf(query, orderFields(spec)),
          limit: paging.limit,
          offset: paging.offset,
        })
        const items = page.items.map((item) => recordToWire(spec, item))
        const attributes = pagedAttributes(paging.page, paging.perPage, page.totalCount)
        return sendList(request, reply, list(plural, spec.element, items, attributes), page.totalCount)
      })

    if (has('get'))
      app.get(`/${spec.path}/:id`, async (request, reply) =>
        sendRecord(
          request,
          reply,
          recordToWire(spec, await getRecord(core, tenant(request), spec.resource, idOf(request))),
        ),
      )

    if (has('create'))
      app.post(`/${spec.path}`, async (request, reply) => {
        const t = tenant(request)
        const data = dataForCreate(
          spec,
          bodyOf(
            request,
            spec.fields.map((field) => field.name),
          ),
        )
        let ownerId: string | null = null
        if (spec.parent) {
          ownerId = await spec.parent.resolve(core, t, BigInt(data[spec.parent.field] ?? '0'))
          await spec.parent.assertWritable?.(core, t, ownerId)
        }
        await spec.validate?.(core, t, data)
        const created = await inOneTransaction(core, async (unit) => {
          const stored = await createRecord(unit, t, {
            resource: spec.resource,
            ownerId,
            data: withKeys(spec, data),
          })
          if (spec.exclusiveFlag && data[spec.exclusiveFlag] === '1')
            await clearOthers(unit, t, spec, stored.recordNo, data)
          await spec.afterChange?.(unit, t)
          return stored
        })
        return sendRecord(request, reply, recordToWire(spec, created), 201)
      })

    if (has('update'))
      app.put(`/${spec.path}/:id`, async (request, reply) => {
        const t = tenant(request)
        const recordNo = idOf(request)
        const current = await getRecord(core, t, spec.resource, recordNo)
        if (spec.parent && current.ownerId) await spec.parent.assertWritable?.(core, t, current.ownerId)
        const data = dataForUpdate(
          spec,
          bodyOf(
            request,
            spec.fields.map((field) => field.name),
          ),
          current.data as Data,
        )
        await spec.validate?.(core, t, data)
        const updated = await inOneTransaction(core, async (unit) => {
          const stored = await updateRecord(unit, t, spec.resource, recordNo, () => withKeys(spec, data))
          if (spec.exclusiveFlag && data[spec.exclusiveFlag] === '1')
            await clearOthers(unit, t, spec, recordNo, data)
          await spec.afterChange?.(unit, t)
          return stored
        })
        return sendRecord(request, reply, recordToWire(spec, updated))
      })

    if (has('delete'))
      app.delete(`/${spec.path}/:id`, async (request, reply) => {
        const t = tenant(request)
        const recordNo = idOf(request)
        const current = await getRecord(core, t, spec.resource, recordNo)
        if (spec.parent && current.ownerId) await spec.parent.assertWritable?.(core, t, current.ownerId)
        await spec.beforeDelete?.(core, t, current.data as Data, recordNo)
        await inOneTransaction(core, async (unit) => {
          await deleteRecord(unit, t, spec.resource, recordNo)
          await spec.afterChange?.(unit, t)
        })
        return sendNothing(reply)
      })
  }
}

function withKeys(spec: RecordSpec, data: Data): Data {
  return spec.keys ? { ...data, ...spec.keys(data) } : data
}
