// /settings and /logotype: the account's singletons, read with GET and changed with PUT (the
// Ruby client also POSTs a logotype). Settings change only what the body names.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import { getAccountCallback, putAccountCallback } from '../../../core/callbacks/callback-subscriptions.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getDunningSettings, updateDunningSettings } from '../../../core/dunning/update-dunning-settings.ts'
import { getChart } from '../../../core/ledger/list-accounts.ts'
import { getLogo, putLogo } from '../../../core/organizations/organization-logo.ts'
import {
  getOrganizationProfile,
  updateOrganization,
} from '../../../core/organizations/update-organization.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { type FieldNames, withWireFields } from '../errors.ts'
import { accountDunningFromWire } from '../wire/dunning-in.ts'
import { ok } from '../wire/envelope.ts'
import { readObject, readText } from '../wire/read.ts'
import { SETTINGS, settingsFromWire, settingsToWire } from '../wire/settings.ts'
import { checkBody, objectBody } from '../wire/strict-body.ts'

const SETTINGS_FIELD_NAMES: FieldNames = [
  [/^orgNo$/, 'org_no'],
  [/^(email|phone)$/, 'contact.$1'],
  [/^contactName$/, 'contact.name'],
  [/^vatNo$/, 'tax.vat_no'],
  [/^address\.country$/, 'address.country'],
  [/^(url)$/, 'callbacks.url'],
  [/^signKey$/, 'callbacks.sign_key'],
  [/^fileType$/, 'file_type'],
  [/^reminderFees(\.\d+)?$/, 'invoices.default_reminder_fee'],
  [/^reminderDays\.(\d+)$/, 'invoices.automatic_reminders.$1.delay_days'],
  [/^collectionAfterDays$/, 'invoices.automatic_collection.delay_days'],
]

async function currentSettings(core: CoreContext, tenant: Tenant) {
  const [profile, chart, callback] = await Promise.all([
    getOrganizationProfile(core, tenant),
    getChart(core, tenant),
    getAccountCallback(core, tenant),
  ])
  return settingsToWire(profile, chart, callback)
}

export function registerSettingsRoutes(app: FastifyInstance, core: CoreContext): void {
  app.get('/settings', async (request) => ok(await currentSettings(core, tenantOf(request))))

  app.put<{ Body: unknown }>('/settings', async (request) => {
    const tenant = tenantOf(request)
    const body = objectBody(request.body)
    checkBody(body, SETTINGS, await currentSettings(core, tenant))
    const profile = await getOrganizationProfile(core, tenant)
    const patch = settingsFromWire(body, profile)
    const dunning = accountDunningFromWire(
      readObject(body, 'invoices') ?? {},
      await getDunningSettings(core, tenant),
      profile.baseCurrency,
    )
    const callbacks = readObject(body, 'callbacks')
    const url = callbacks && readText(callbacks, 'url', ['callbacks'], 2000)
    const callback =
      callbacks && url ? { url, signKey: readText(callbacks, 'sign_key', ['callbacks'], 200) ?? null } : null
    // The organization and its account-wide callback change together or not at all.
    await withWireFields(SETTINGS_FIELD_NAMES, () =>
      inOneTransaction(core, async (unit) => {
        await updateOrganization(unit, tenant, patch)
        // The account's reminder schedule, fees and collection are the organization's dunning settings.
        if (Object.keys(dunning).length > 0) await updateDunningSettings(unit, tenant, dunning)
        if ('callbacks' in body) await putAccountCallback(unit, tenant, callback)
      }),
    )
    return ok(await currentSettings(core, tenant))
  })

  app.get('/logotype', async (request) => {
    const logo = await getLogo(core, tenantOf(request))
    return ok({ file_type: logo.fileType, content: logo.contentBase64 })
  })

  const saveLogo = async (request: FastifyRequest<{ Body: unknown }>) => {
    const body = objectBody(request.body)
    checkBody(body, { file_type: 'w', content: 'w' })
    const logo = await withWireFields(SETTINGS_FIELD_NAMES, () =>
      putLogo(core, tenantOf(request), { fileType: body.file_type, contentBase64: body.content }),
    )
    return ok({ file_type: logo.fileType, content: logo.contentBase64 })
  }
  app.put<{ Body: unknown }>('/logotype', saveLogo)
  app.post<{ Body: unknown }>('/logotype', saveLogo)
}
