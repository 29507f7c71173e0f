// A store over records that live in code, not in the database (countries, currencies, account
// natures, predefined tax rates): filtered by property, searched by name, sorted and paged in
// memory, since each list is small and bounded.

import type { ListQuery, ListResult, RequestContext, Store, WireRecord } from './resource.ts'

export type RecordSource = (context: RequestContext) => readonly WireRecord[] | Promise<readonly WireRecord[]>

function matches(record: WireRecord, filters: ListQuery['filters']): boolean {
  return Object.entries(filters).every(([name, values]) => values.includes(String(record[name] ?? '')))
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const [x, y] = [String(a ?? ''), String(b ?? '')]
  return x < y ? -1 : x > y ? 1 : 0
}

/** Filters, searches, sorts and pages records already in memory by the engine's list query. */
export function listInMemory(
  records: readonly WireRecord[],
  query: ListQuery,
  searchIn: readonly string[],
): ListResult {
  const q = query.q?.toLowerCase()
  const found = records.filter(
    (record) =>
      matches(record, query.filters) &&
      (!q ||
        searchIn.some((name) =>
          String(record[name] ?? '')
            .toLowerCase()
            .includes(q),
        )),
  )
  const sort = query.sort
  const sorted = sort
    ? [...found].sort(
        (a, b) => (sort.direction === 'desc' ? -1 : 1) * compare(a[sort.property], b[sort.property]),
      )
    : found
  return { records: sorted.slice(query.offset, query.offset + query.limit), total: found.length }
}

export function staticStore(source: RecordSource, searchIn: readonly string[] = ['name']): Store {
  return {
    async load(context, ids) {
      const all = await source(context)
      const byId = new Map(all.map((record) => [record.id, record]))
      return ids.flatMap((id) => {
        const record = byId.get(id)
        return record ? [record] : []
      })
    },
    async list(context, query) {
      return listInMemory(await source(context), query, searchIn)
    },
  }
}
