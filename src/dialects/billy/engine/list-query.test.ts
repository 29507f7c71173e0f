// Proves how a list request's query is read: page or offset paging within 1000, sorting by the
// resource's own keys in either direction word, documented filters checked by type, the rest ignored.

import { describe, expect, test } from 'vitest'
import { DomainError } from '../../../domain/errors.ts'
import { parseIncludes } from './include.ts'
import { parseListQuery, parsePaging, queryValues } from './list-query.ts'
import type { ResourceDef } from './resource.ts'

const DEF: ResourceDef = {
  singular: 'thing',
  plural: 'things',
  properties: {},
  operations: ['list'],
  filters: {
    isPaid: { type: 'boolean' },
    minDate: { type: 'date' },
    state: { type: 'enum', values: ['a', 'b'] },
  },
  sortable: ['name'],
  search: true,
}

describe('list query', () => {
  test('ids[] and repeated keys collect into one list under the name without brackets', () => {
    const values = queryValues({ 'ids[]': ['x', 'y'], ids: 'z', q: 'hello' })

    expect(values.get('ids')).toEqual(['x', 'y', 'z'])
    expect(values.get('q')).toEqual(['hello'])
  })

  test.each([
    [{}, { page: 1, pageSize: 1000, offset: 0 }],
    [
      { page: '3', pageSize: '20' },
      { page: 3, pageSize: 20, offset: 40 },
    ],
    [
      { offset: '45', pageSize: '20' },
      { page: 3, pageSize: 20, offset: 45 },
    ],
  ])('%o pages as %o', (query, expected) => {
    expect(parsePaging(queryValues(query))).toEqual(expected)
  })

  test.each([{ pageSize: '1001' }, { page: '0' }, { pageSize: 'ten' }])('%o is refused', (query) => {
    expect(() => parsePaging(queryValues(query))).toThrowError(DomainError)
  })

  test('sorting takes sortDirection or sortOrder, and only the resource’s keys', () => {
    const byOrder = parseListQuery(DEF, queryValues({ sortProperty: 'name', sortOrder: 'desc' }))

    expect(byOrder.sort).toEqual({ property: 'name', direction: 'desc' })
    expect(() => parseListQuery(DEF, queryValues({ sortProperty: 'age' }))).toThrowError(
      /sortProperty|sorted/,
    )
    expect(() =>
      parseListQuery(DEF, queryValues({ sortProperty: 'name', sortDirection: 'UP' })),
    ).toThrowError(DomainError)
  })

  test('documented filters are checked by type and unknown parameters are ignored', () => {
    const query = parseListQuery(
      DEF,
      queryValues({ isPaid: '1', minDate: '2024-01-31', state: 'a', colour: 'red', q: ' x ' }),
    )

    expect(query.filters).toEqual({ isPaid: ['true'], minDate: ['2024-01-31'], state: ['a'] })
    expect(query.q).toBe('x')
    expect(() => parseListQuery(DEF, queryValues({ minDate: '2024-02-30' }))).toThrowError(/minDate/)
    expect(() => parseListQuery(DEF, queryValues({ state: 'c' }))).toThrowError(/state/)
  })

  test('includes read resource.relation:mode, sideload by default, several per resource', () => {
    const includes = parseIncludes([
      'invoice.lines:embed,invoice.contact',
      'contact.country:embed',
      'nonsense',
    ])

    expect(includes.get('invoice')).toEqual(
      new Map([
        ['lines', 'embed'],
        ['contact', 'sideload'],
      ]),
    )
    expect(includes.get('contact')?.get('country')).toBe('embed')
    expect(includes.size).toBe(2)
  })
})
