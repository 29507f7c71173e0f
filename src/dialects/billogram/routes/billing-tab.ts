// /customer/{customer_no}/billing-tab: a customer's running tab. Items are added with an
// X-API-Deduplication-ID, so a retried POST adds nothing twice; settings say how often the tab is
// billed and how. Emptying on the scheduled date is the scheduler's; `POST …/billing-tab/empty`
// (this server's addition) bills it now, as a sent billogram.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import { addTabItem } from '../../../core/billing-tabs/add-tab-item.ts'
import {
  deleteBillingTab,
  deleteTabItem,
  emptyBillingTab,
  getBillingTab,
  getTabItem,
  putTabSettings,
} from '../../../core/billing-tabs/tab-operations.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { BillogramWireError, withWireFields } from '../errors.ts'
import {
  billingTabToWire,
  checkTabPath,
  TAB_FIELD_NAMES,
  TAB_ITEM,
  TAB_SETTINGS,
  tabItemToWire,
  tabLineFromWire,
  tabSettingsFromWire,
  tabSettingsToWire,
} from '../wire/billing-tab.ts'
import { billogramToWire, type WireContext } from '../wire/billogram-out.ts'
import { renderBillogramCallback } from '../wire/callback-body.ts'
import { ok } from '../wire/envelope.ts'
import { checkBody, objectBody } from '../wire/strict-body.ts'
import { customerByNo } from './customer.ts'

type Tab = {
  Params: { customer_no: string; billing_tab_id?: string; billing_tab_item_id?: string }
  Body: unknown
}

const BASE = '/customer/:customer_no/billing-tab'

export function registerBillingTabRoutes(app: FastifyInstance, core: CoreContext, wire: WireContext): void {
  const contactOf = async (request: FastifyRequest<Tab>, tenant: Tenant) => {
    checkTabPath(request.params)
    return customerByNo(core, tenant, request.params.customer_no)
  }

  app.post<Tab>(`${BASE}/items`, async (request) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    const deduplicationId = request.headers['x-api-deduplication-id']
    if (typeof deduplicationId !== 'string' || deduplicationId.trim() === '')
      throw new BillogramWireError('INVALID_PARAMETER', 'the X-API-Deduplication-ID header is required', [
        'X-API-Deduplication-ID',
      ])
    const body = objectBody(request.body)
    checkBody(body, TAB_ITEM)
    const item = await withWireFields(TAB_FIELD_NAMES, () =>
      addTabItem(core, tenant, {
        contactId: contact.contactId,
        deduplicationId,
        line: tabLineFromWire(body),
      }),
    )
    return ok(tabItemToWire(item))
  })

  app.get<Tab>(BASE, async (request) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    return ok(
      billingTabToWire(await getBillingTab(core, tenant, contact.contactId), request.params.customer_no),
    )
  })

  app.delete<Tab>(BASE, async (request) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    return ok(
      billingTabToWire(await deleteBillingTab(core, tenant, contact.contactId), request.params.customer_no),
    )
  })

  app.post<Tab>(`${BASE}/empty`, async (request) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    const details = await emptyBillingTab(core, tenant, contact.contactId, {
      announce: renderBillogramCallback,
    })
    return ok(billogramToWire(details, wire))
  })

  app.get<Tab>(`${BASE}/item/:billing_tab_item_id`, async (request) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    return ok(
      tabItemToWire(
        await getTabItem(core, tenant, contact.contactId, request.params.billing_tab_item_id ?? ''),
      ),
    )
  })

  app.delete<Tab>(`${BASE}/item/:billing_tab_item_id`, async (request) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    return ok(
      tabItemToWire(
        await deleteTabItem(core, tenant, contact.contactId, request.params.billing_tab_item_id ?? ''),
      ),
    )
  })

  app.get<Tab>(`${BASE}/settings`, async (request) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    return ok(tabSettingsToWire((await getBillingTab(core, tenant, contact.contactId)).settings))
  })

  const saveSettings = async (request: FastifyRequest<Tab>, clear: boolean) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    const body = objectBody(request.body)
    if (!clear) checkBody(body, TAB_SETTINGS)
    const tab = await putTabSettings(
      core,
      tenant,
      contact.contactId,
      clear ? null : tabSettingsFromWire(body),
    )
    return ok(tabSettingsToWire(tab.settings))
  }
  app.put<Tab>(`${BASE}/settings`, (request) => saveSettings(request, false))
  app.post<Tab>(`${BASE}/settings`, (request) => saveSettings(request, false))
  app.delete<Tab>(`${BASE}/settings`, (request) => saveSettings(request, true))

  app.get<Tab>(`${BASE}/:billing_tab_id`, async (request) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    const tab = await getBillingTab(core, tenant, contact.contactId, request.params.billing_tab_id)
    return ok(billingTabToWire(tab, request.params.customer_no))
  })

  app.delete<Tab>(`${BASE}/:billing_tab_id`, async (request) => {
    const tenant = tenantOf(request)
    const contact = await contactOf(request, tenant)
    const tab = await deleteBillingTab(core, tenant, contact.contactId, request.params.billing_tab_id)
    return ok(billingTabToWire(tab, request.params.customer_no))
  })
}
