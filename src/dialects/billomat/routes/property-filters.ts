// `property{ID}=value` on clients, articles and suppliers: rows whose custom attribute {ID} has
// exactly that value (case-sensitive, §1.10). Property values store "<property id>:<value>" as
// their key for this match.

import type { RelatedFilter } from '../../../core/queries/related-filters.ts'
import type { Query } from '../wire/query.ts'

export function propertyValueKey(propertyId: bigint | string, value: string): string {
  return `${propertyId}:${value}`
}

export function propertyFilters(query: Query, resource: string): RelatedFilter[] {
  const filters: RelatedFilter[] = []
  for (const [key, values] of query) {
    const match = /^property(\d{1,15})$/.exec(key)
    const value = values.find((entry) => entry !== '')
    if (!match || value === undefined) continue
    filters.push({ kind: 'record', resource, path: ['key'], values: [propertyValueKey(match[1]!, value)] })
  }
  return filters
}
