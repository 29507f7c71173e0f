// /report: the organization's daily report files, listed with the vendor's paging, `filename`
// filter and `created_at`/`filename` order, and served one by one as base64 in JSON. The list is
// made from the days that have a report (at most some thousands), so it is filtered and paged here.

import type { FastifyInstance } from 'fastify'
import type { CoreContext } from '../../../core/context.ts'
import type { Filter, ListSpec } from '../../../core/queries/list-spec.ts'
import { invoiceJournal, listReportDays, paymentsReport } from '../../../core/reports/daily-reports.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { BillogramWireError } from '../errors.ts'
import { ok, okList } from '../wire/envelope.ts'
import { listSpecOf } from '../wire/list-query.ts'
import {
  REPORT_LIST,
  type ReportListing,
  renderInvoiceJournal,
  renderPaymentsReport,
  reportListing,
  reportOfFilename,
} from '../wire/report.ts'

const CORE_FIELDS: Readonly<Record<string, keyof ReportListing>> = {
  filename: 'filename',
  createdAt: 'created_at',
}

function matches(listing: ReportListing, filter: Filter): boolean {
  const field = CORE_FIELDS[filter.field]
  const value = String(filter.value).toLowerCase()
  const text = field ? listing[field].toLowerCase() : ''
  if (filter.op === 'eq') return field !== undefined && listing[field] === filter.value
  if (filter.op === 'prefix') return text.startsWith(value)
  return text.includes(value)
}

function applySpec(listings: readonly ReportListing[], spec: ListSpec) {
  const kept = listings.filter(
    (listing) =>
      (spec.filters ?? []).every((filter) => matches(listing, filter)) &&
      (spec.anyOf === undefined ||
        spec.anyOf.some((group) => group.every((filter) => matches(listing, filter)))),
  )
  const order = spec.orderBy?.[0] ?? { field: 'createdAt', direction: 'asc' as const }
  const key = CORE_FIELDS[order.field] ?? 'created_at'
  const sorted = [...kept].sort(
    (a, b) => a[key].localeCompare(b[key]) || a.filename.localeCompare(b.filename),
  )
  if (order.direction === 'desc') sorted.reverse()
  return { items: sorted.slice(spec.offset, spec.offset + spec.limit), totalCount: sorted.length }
}

export function registerReportRoutes(app: FastifyInstance, core: CoreContext): void {
  app.get<{ Querystring: Record<string, unknown> }>('/report', async (request) => {
    const spec = listSpecOf(request.query, REPORT_LIST)
    const days = await listReportDays(core, tenantOf(request))
    const page = applySpec(days.map(reportListing), spec)
    return okList(page.items, page.totalCount)
  })

  app.get<{ Params: { filename: string } }>('/report/:filename', async (request) => {
    const { filename } = request.params
    const tenant = tenantOf(request)
    const wanted = reportOfFilename(filename)
    const days = wanted ? await listReportDays(core, tenant) : []
    if (!wanted || !days.some((day) => day.kind === wanted.kind && day.day === wanted.day))
      throw new BillogramWireError('NOT_FOUND', `there is no report ${filename}`, ['filename'])
    const content =
      wanted.kind === 'payments'
        ? renderPaymentsReport(await paymentsReport(core, tenant, wanted.day))
        : renderInvoiceJournal(await invoiceJournal(core, tenant, wanted.day))
    return ok({ ...reportListing(wanted), content: content.toString('base64') })
  })
}
