// /v2/states, /v2/cities, /v2/zipcodes: address reference data, served from code (Denmark's
// regions and postal districts, ../reference/denmark.ts). A contact names them by id
// (`stateId`, `cityId`, `zipcodeId`). Billy answers 405 to writes on all three
// (../shared/reference/billy.md section 1). Ids are readable: `DK-84`, `DK-aarhus-c`, `DK-8000`.

import { invalidField } from '../../../domain/errors.ts'
import type { Resource, WireRecord } from '../engine/resource.ts'
import { staticStore } from '../engine/static-store.ts'
import { DK_CITIES, DK_REGIONS, DK_ZIPCODES, danishZipcode } from '../reference/denmark.ts'

const READ_ONLY = ['get', 'list'] as const

const DANISH_LETTERS: Readonly<Record<string, string>> = { æ: 'ae', ø: 'oe', å: 'aa' }

export function cityIdOf(countryId: string, name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[æøå]/g, (letter) => DANISH_LETTERS[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${countryId}-${slug}`
}

function stateRecord(code: string, name: string): WireRecord {
  return { id: `DK-${code}`, stateCode: code, name, countryId: 'DK' }
}

function cityRecord(name: string): WireRecord {
  return { id: cityIdOf('DK', name), name, county: null, stateId: null, countryId: 'DK' }
}

function zipcodeRecord(zipcode: string, city: string): WireRecord {
  return {
    id: `DK-${zipcode}`,
    zipcode,
    cityId: cityIdOf('DK', city),
    stateId: null,
    countryId: 'DK',
    latitude: null,
    longitude: null,
  }
}

const STATES = DK_REGIONS.map((region) => stateRecord(region.code, region.name))
const CITIES = DK_CITIES.map(cityRecord)
const CITY_BY_ID = new Map(CITIES.map((city) => [city.id, city]))
const ZIPCODES = DK_ZIPCODES.map((entry) => zipcodeRecord(entry.zipcode, entry.city))

/** The zipcode record behind an id, listed or not (central Copenhagen's street codes). */
export function zipcodeOfId(id: string): WireRecord | undefined {
  const match = /^DK-(\d{4})$/.exec(id)
  const entry = match ? danishZipcode(match[1] ?? '') : undefined
  return entry ? zipcodeRecord(entry.zipcode, entry.city) : undefined
}

export function cityOfId(id: string): WireRecord | undefined {
  return CITY_BY_ID.get(id)
}

export function stateOfId(id: string): WireRecord | undefined {
  return STATES.find((state) => state.id === id)
}

/** Refuses an address id that names no record, naming the property the client sent. */
export function checkAddressId(field: string, id: string, found: WireRecord | undefined): WireRecord {
  if (!found) throw invalidField(field, `${field} ${JSON.stringify(id)} is not a known ${field.slice(0, -2)}`)
  return found
}

export const states: Resource = {
  def: {
    singular: 'state',
    plural: 'states',
    properties: {
      stateCode: { type: 'string', access: 'readonly' },
      name: { type: 'string', access: 'readonly' },
      countryId: { type: 'id', resource: 'country', access: 'readonly' },
    },
    operations: READ_ONLY,
    filters: { countryId: { type: 'string' }, stateCode: { type: 'string' } },
    sortable: ['name', 'stateCode'],
    search: true,
  },
  store: staticStore(() => STATES, ['name', 'stateCode']),
}

export const cities: Resource = {
  def: {
    singular: 'city',
    plural: 'cities',
    properties: {
      name: { type: 'string', access: 'readonly' },
      county: { type: 'string', access: 'readonly' },
      stateId: { type: 'id', resource: 'state', access: 'readonly' },
      countryId: { type: 'id', resource: 'country', access: 'readonly' },
    },
    operations: READ_ONLY,
    filters: { countryId: { type: 'string' }, stateId: { type: 'string' } },
    sortable: ['name'],
    search: true,
  },
  store: staticStore(() => CITIES, ['name']),
}

const zipcodeStore = staticStore(() => ZIPCODES, ['zipcode'])

export const zipcodes: Resource = {
  def: {
    singular: 'zipcode',
    plural: 'zipcodes',
    properties: {
      zipcode: { type: 'string', access: 'readonly' },
      cityId: { type: 'id', resource: 'city', access: 'readonly' },
      stateId: { type: 'id', resource: 'state', access: 'readonly' },
      countryId: { type: 'id', resource: 'country', access: 'readonly' },
      latitude: { type: 'float', access: 'readonly' },
      longitude: { type: 'float', access: 'readonly' },
    },
    operations: READ_ONLY,
    filters: { countryId: { type: 'string' }, cityId: { type: 'string' }, zipcode: { type: 'string' } },
    sortable: ['zipcode'],
    search: true,
  },
  store: {
    ...zipcodeStore,
    async load(_context, ids) {
      return ids.flatMap((id) => {
        const found = zipcodeOfId(id)
        return found ? [found] : []
      })
    },
  },
}
