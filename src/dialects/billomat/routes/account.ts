// The account's read-mostly resources: settings (GET and PUT, no id), users (the API key's user,
// also as `myself`), countries and currencies (read-only lookups). Countries are ISO 3166 regions
// named by the runtime's own locale data; currencies are the ones Faktura keeps money in.

import type { FastifyRequest } from 'fastify'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getDunningSettings, updateDunningSettings } from '../../../core/dunning/update-dunning-settings.ts'
import { getNumberingSeries, setNumberingSeries } from '../../../core/invoices/numbering-series.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { notFound } from '../../../domain/errors.ts'
import { CURRENCY_EXPONENTS, parseCurrencyCode } from '../../../domain/money/currency.ts'
import {
  loadSettings,
  SETTING_DEFAULTS,
  type Settings,
  saveSettings,
  WRITABLE_SETTINGS,
} from '../settings.ts'
import { pagingOf, queryList } from '../wire/query.ts'
import { readSmallInteger, readText } from '../wire/read.ts'
import { sendList, sendRecord } from '../wire/reply.ts'
import { datetime, int, list, pagedAttributes, record, str, type WireRecord } from '../wire/tree.ts'
import { bodyOf, queryOf, type Routes, tenant } from './kit.ts'

/** Codes the runtime names that are not ISO 3166-1 countries (unions, test and reserved codes). */
const NOT_COUNTRIES = new Set([
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'EU',
  'EZ',
  'IC',
  'QO',
  'TA',
  'UN',
  'XA',
  'XB',
  'ZZ',
])

const COUNTRIES: readonly { code: string; en: string; de: string }[] = (() => {
  const en = new Intl.DisplayNames(['en'], { type: 'region' })
  const de = new Intl.DisplayNames(['de'], { type: 'region' })
  const countries = []
  for (let first = 65; first <= 90; first += 1)
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second)
      const name = en.of(code)
      if (name && name !== code && !NOT_COUNTRIES.has(code))
        countries.push({ code, en: name, de: de.of(code) ?? name })
    }
  return countries
})()

const CURRENCIES = Object.keys(CURRENCY_EXPONENTS).sort()

const SALES_SERIES = ['offer', 'confirmation', 'delivery_note'] as const

async function settingsToWire(core: CoreContext, t: Tenant): Promise<WireRecord> {
  const [settings, organization, dunning, invoices, creditNotes, ...sales] = await Promise.all([
    loadSettings(core, t),
    getOrganization(core, t),
    getDunningSettings(core, t),
    getNumberingSeries(core, t, 'invoice'),
    getNumberingSeries(core, t, 'credit_note'),
    // Offers, confirmations and delivery notes are numbered in series keyed by their kind.
    ...SALES_SERIES.map((kind) => getNumberingSeries(core, t, kind)),
  ])
  const values: Settings = {
    ...SETTING_DEFAULTS,
    currency_code: organization.baseCurrency,
    locale: organization.locale === 'en' ? 'en_GB' : `${organization.locale}_${organization.country}`,
    due_days: String(organization.settings.paymentTermsDays ?? 30),
    ...settings,
    // The days a reminder gives to pay are the core's: the scheduler's reminders use them too.
    reminder_due_days: String(dunning.payByDays),
    invoice_number_pre: invoices.prefix,
    invoice_number_length: String(invoices.padding),
    invoice_number_next: String(invoices.nextNumber),
    credit_note_number_next: String(creditNotes.nextNumber),
    ...Object.fromEntries(
      SALES_SERIES.map((kind, index) => [`${kind}_number_next`, String(sales[index]!.nextNumber)]),
    ),
  }
  return record(
    'settings',
    [...Object.keys(values)]
      .sort()
      .map((key) => (/_(length|next|days)$/.test(key) ? int(key, values[key]) : str(key, values[key]))),
  )
}

function userToWire(createdAt: string, email: string | undefined, locale: string): WireRecord {
  const rights = [
    'articles',
    'clients',
    'offers',
    'confirmations',
    'invoices',
    'credit_notes',
    'delivery_notes',
    'reminders',
    'settings_my_account',
    'settings_documents',
    'settings_configuration',
    'settings_administration',
  ]
  return record('user', [
    int('id', 1),
    datetime('created', createdAt),
    datetime('updated', createdAt),
    str('salutation', ''),
    str('first_name', 'API'),
    str('last_name', 'User'),
    str('email', email),
    str('locale', locale),
    str('timezone', 'Europe/Berlin'),
    int('role_id', 1),
    {
      kind: 'record',
      record: record(
        'rights',
        rights.map((right) => str(right, 'DELETE')),
      ),
    },
    str('customfield', ''),
  ])
}

export const accountRoutes: Routes = (app, services) => {
  const core = services.core

  app.get('/settings', async (request, reply) =>
    sendRecord(request, reply, await settingsToWire(core, tenant(request))),
  )

  app.put('/settings', async (request, reply) => {
    const t = tenant(request)
    const body = bodyOf(request, [...WRITABLE_SETTINGS])
    const prefix = readText(body, 'invoice_number_pre', 30)
    const padding = readSmallInteger(body, 'invoice_number_length', 0, 20)
    const changes: Record<string, string> = {}
    for (const key of WRITABLE_SETTINGS) {
      if (key === 'invoice_number_pre' || key === 'invoice_number_length') continue
      const value = /_(length|days)$/.test(key)
        ? readSmallInteger(body, key, 0, 3650)?.toString()
        : readText(body, key, 1000)
      if (value !== undefined) changes[key] = key === 'currency_code' ? parseCurrencyCode(value, key) : value
    }
    const { reminder_due_days: payByDays, ...kept } = changes
    // One transaction: a refused value (a reminder_due_days of 0) saves none of the others.
    await inOneTransaction(core, async (unit) => {
      if (prefix !== undefined || padding !== undefined)
        await setNumberingSeries(unit, t, 'invoice', {
          ...(prefix !== undefined ? { prefix } : {}),
          ...(padding !== undefined ? { padding } : {}),
        })
      if (payByDays !== undefined) await updateDunningSettings(unit, t, { payByDays: Number(payByDays) })
      if (Object.keys(kept).length > 0) await saveSettings(unit, t, kept)
    })
    return sendRecord(request, reply, await settingsToWire(core, t))
  })

  const user = async (request: FastifyRequest) => {
    const organization = await getOrganization(core, tenant(request))
    return userToWire(organization.createdAt, organization.settings.email, organization.locale)
  }
  app.get('/users', async (request, reply) =>
    sendList(request, reply, list('users', 'user', [await user(request)], pagedAttributes(1, 100, 1)), 1),
  )
  app.get('/users/myself', async (request, reply) => sendRecord(request, reply, await user(request)))
  app.get('/users/:id', async (request, reply) => {
    if ((request.params as { id: string }).id !== '1')
      throw notFound('user', (request.params as { id: string }).id)
    return sendRecord(request, reply, await user(request))
  })

  const countryToWire = (country: (typeof COUNTRIES)[number], index: number) =>
    record('country', [
      int('id', index + 1),
      str('code', country.code),
      str('name_de', country.de),
      str('name_en', country.en),
    ])
  app.get('/countries', async (request, reply) => {
    const query = queryOf(request)
    const codes = queryList(query, 'code').map((code) => code.toUpperCase())
    const paging = pagingOf(query)
    const all = COUNTRIES.map((country, index) => ({ country, index })).filter(
      ({ country }) => codes.length === 0 || codes.includes(country.code),
    )
    const page = all
      .slice(paging.offset, paging.offset + paging.limit)
      .map(({ country, index }) => countryToWire(country, index))
    return sendList(
      request,
      reply,
      list('countries', 'country', page, pagedAttributes(paging.page, paging.perPage, all.length)),
      all.length,
    )
  })
  app.get('/countries/:id', async (request, reply) => {
    const id = Number((request.params as { id: string }).id)
    const country = COUNTRIES[id - 1]
    if (!country) throw notFound('country', String((request.params as { id: string }).id))
    return sendRecord(request, reply, countryToWire(country, id - 1))
  })

  const names = new Intl.DisplayNames(['en'], { type: 'currency' })
  const currencyToWire = (code: string, index: number) =>
    record('currency', [
      int('id', index + 1),
      str('code', code),
      str('name', names.of(code) ?? code),
      int('decimals', CURRENCY_EXPONENTS[code as keyof typeof CURRENCY_EXPONENTS]),
    ])
  app.get('/currencies', async (request, reply) => {
    const query = queryOf(request)
    const codes = queryList(query, 'code').map((code) => code.toUpperCase())
    const all = CURRENCIES.map((code, index) => ({ code, index })).filter(
      ({ code }) => codes.length === 0 || codes.includes(code),
    )
    const paging = pagingOf(query)
    const page = all
      .slice(paging.offset, paging.offset + paging.limit)
      .map(({ code, index }) => currencyToWire(code, index))
    return sendList(
      request,
      reply,
      list('currencies', 'currency', page, pagedAttributes(paging.page, paging.perPage, all.length)),
      all.length,
    )
  })
  app.get('/currencies/:id', async (request, reply) => {
    const id = Number((request.params as { id: string }).id)
    const code = CURRENCIES[id - 1]
    if (!code) throw notFound('currency', String((request.params as { id: string }).id))
    return sendRecord(request, reply, currencyToWire(code, id - 1))
  })
}
