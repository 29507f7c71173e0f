// Small pieces every Billy resource uses: the organization property (implied by the credential,
// checked when a client sends it), the dialect's own fields kept in a core record's `extra`, and
// readers for parsed input values.

import type { LedgerAccount } from '../../../core/ledger/account-record.ts'
import { getChart } from '../../../core/ledger/list-accounts.ts'
import { getOrganization, type OrganizationDetails } from '../../../core/organizations/get-organization.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { AccountRole } from '../../../domain/ledger/account.ts'
import type { PropertyDef, RecordRef, RequestContext, WireInput } from '../engine/resource.ts'

export const ORGANIZATION: PropertyDef = {
  type: 'id',
  resource: 'organization',
  access: 'immutable',
  description: 'Implied by the access token; when sent, it must be the token’s organization.',
}

export const CREATED_TIME: PropertyDef = { type: 'datetime', access: 'readonly' }

/** Refuses an organizationId that is not the credential's own. */
export function checkOrganization(context: RequestContext, input: WireInput): void {
  const sent = input.values.organizationId
  if (sent !== undefined && sent !== null && sent !== context.tenant.organizationId)
    throw invalidField('organizationId', 'organizationId must be the organization of the access token')
}

/** The fields only Billy knows, kept under `billy` in a core record's `extra`. */
export type BillyFields = Readonly<Record<string, unknown>>

export function billyFieldsOf(extra: Readonly<Record<string, unknown>>): BillyFields {
  const fields = extra.billy
  return typeof fields === 'object' && fields !== null ? (fields as BillyFields) : {}
}

/** Extra with the given Billy fields merged over the stored ones (undefined keeps a field). */
export function withBillyFields(
  extra: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
  return { billy: { ...billyFieldsOf(extra), ...defined } }
}

export function has(input: WireInput, name: string): boolean {
  return input.values[name] !== undefined
}

export function text(input: WireInput, name: string): string | null | undefined {
  const value = input.values[name]
  return value === undefined ? undefined : (value as string | null)
}

export function flag(input: WireInput, name: string): boolean | undefined {
  const value = input.values[name]
  return value === undefined || value === null ? undefined : (value as boolean)
}

export function whole(input: WireInput, name: string): number | null | undefined {
  const value = input.values[name]
  return value === undefined ? undefined : (value as number | null)
}

export function ref(resource: string, id: string, clientId?: unknown): RecordRef {
  return clientId === undefined ? { resource, id } : { resource, id, clientId }
}

/** The entries whose value is not undefined: a patch that keeps every field the client left out. */
export function definedOnly<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}

/** A string property as a patch value: absent is undefined, null and '' clear it. */
export function textPatch(input: WireInput, name: string): string | null | undefined {
  const value = text(input, name)
  return value === undefined ? undefined : value === '' ? null : value
}

/** The organization's chart, read once per request: accounts are shown by id, posted by number. */
export async function chartOf(context: RequestContext): Promise<readonly LedgerAccount[]> {
  const cached = context.cache.get('chart') as readonly LedgerAccount[] | undefined
  if (cached) return cached
  const chart = await getChart(context.core, context.tenant)
  context.cache.set('chart', chart)
  return chart
}

export async function accountIdOfNumber(
  context: RequestContext,
  number: string | null | undefined,
): Promise<string | null> {
  if (!number) return null
  return (await chartOf(context)).find((account) => account.number === number)?.id ?? null
}

export async function accountIdOfRole(context: RequestContext, role: AccountRole): Promise<string | null> {
  const chart = await chartOf(context)
  return chart.find((account) => account.role === role && account.vatRatePercent === undefined)?.id ?? null
}

/** The account behind an id the client sent, refused naming `field` when the chart has none. */
export async function accountOfId(
  context: RequestContext,
  id: string,
  field: string,
): Promise<LedgerAccount> {
  const account = (await chartOf(context)).find((item) => item.id === id)
  if (!account)
    throw invalidField(field, `${field} ${JSON.stringify(id)} is not an account of this organization`)
  return account
}

/** The organization, read once per request. */
export async function organizationOf(context: RequestContext): Promise<OrganizationDetails> {
  const cached = context.cache.get('organization') as OrganizationDetails | undefined
  if (cached) return cached
  const organization = await getOrganization(context.core, context.tenant)
  context.cache.set('organization', organization)
  return organization
}

/** The organization's base currency, which never changes once the organization exists. */
export async function baseCurrencyOf(context: RequestContext): Promise<string> {
  const key = `baseCurrency:${context.tenant.organizationId}`
  const known = context.facts.get(key) as string | undefined
  if (known) return known
  const { baseCurrency } = await organizationOf(context)
  context.facts.set(key, baseCurrency)
  return baseCurrency
}
