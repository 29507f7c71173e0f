// A contact's address as Billy sends it: text forms (`cityText`, `zipcodeText`, `stateText`) and
// ids of reference records (`cityId`, `zipcodeId`, `stateId`). An id must name a known record; the
// text it stands for fills the text form the client left out, so the core's address (which the
// invoice PDF prints) is complete either way. A zipcode also brings its city.

import type { WireInput } from '../engine/resource.ts'
import { checkAddressId, cityOfId, stateOfId, zipcodeOfId } from './addresses.ts'
import { text, textPatch } from './common.ts'

export type ContactAddress = Readonly<{
  texts: Readonly<{ city?: string | null; zip?: string | null }>
  /** Billy-only fields to keep with the contact: the ids, and stateText when a state names it. */
  ids: Readonly<Record<string, string | null>>
}>

function idOf(input: WireInput, name: string): string | null | undefined {
  const value = text(input, name)
  return value === '' ? null : value
}

export function addressOf(input: WireInput): ContactAddress {
  const ids: Record<string, string | null> = {}
  let city = textPatch(input, 'cityText')
  let zip = textPatch(input, 'zipcodeText')
  const zipcodeId = idOf(input, 'zipcodeId')
  let cityId = idOf(input, 'cityId')
  if (zipcodeId !== undefined) ids.zipcodeId = zipcodeId
  if (zipcodeId) {
    const zipcode = checkAddressId('zipcodeId', zipcodeId, zipcodeOfId(zipcodeId))
    if (zip === undefined) zip = zipcode.zipcode as string
    if (cityId === undefined) cityId = zipcode.cityId as string
  }
  if (cityId !== undefined) ids.cityId = cityId
  if (cityId) {
    const found = checkAddressId('cityId', cityId, cityOfId(cityId))
    if (city === undefined) city = found.name as string
  }
  const stateId = idOf(input, 'stateId')
  if (stateId !== undefined) ids.stateId = stateId
  if (stateId) {
    const state = checkAddressId('stateId', stateId, stateOfId(stateId))
    if (input.values.stateText === undefined) ids.stateText = state.name as string
  }
  return {
    texts: { ...(city === undefined ? {} : { city }), ...(zip === undefined ? {} : { zip }) },
    ids,
  }
}
