// The list parameters clients and suppliers share (appendix: kunden, lieferanten): substrings of
// name, email, note, first and last name and further text fields (case-insensitive), country_code,
// customfield, tags and property{ID}, over the core's contacts in one role.

import type { Filter } from '../../../core/queries/list-spec.ts'
import type { RelatedFilter } from '../../../core/queries/related-filters.ts'
import { type Query, queryList, queryValue } from '../wire/query.ts'
import { propertyFilters } from './property-filters.ts'

export type ContactSearch = { filters: Filter[]; related: RelatedFilter[] }

/** `texts` are further parameters matched against the `extra` key of the same name. */
export function contactSearchOf(
  query: Query,
  role: 'client' | 'supplier',
  texts: readonly string[],
): ContactSearch {
  // A contact in the other role only (from another dialect) is not listed here.
  const filters: Filter[] = [
    { field: role === 'client' ? 'isCustomer' : 'isSupplier', op: 'eq', value: true },
  ]
  const fields: [string, string][] = [
    ['name', 'name'],
    ['email', 'email'],
    ['note', 'notes'],
    ...['first_name', 'last_name', ...texts].map((param): [string, string] => [
      param,
      `extra.billomat.${param}`,
    ]),
  ]
  for (const [param, field] of fields) {
    const value = queryValue(query, param)
    if (value) filters.push({ field, op: 'contains', value, caseInsensitive: true })
  }
  const country = queryValue(query, 'country_code')
  if (country) filters.push({ field: 'country', op: 'eq', value: country.toUpperCase() })
  const customfield = queryValue(query, 'customfield')
  if (customfield) filters.push({ field: 'extra.billomat.customfield', op: 'eq', value: customfield })
  const related = propertyFilters(query, `${role}-property-value`)
  const tags = queryList(query, 'tags')
  if (tags.length > 0)
    related.push({
      kind: 'record',
      resource: `${role}-tag`,
      path: ['name'],
      values: tags,
      caseInsensitive: true,
    })
  return { filters, related }
}
