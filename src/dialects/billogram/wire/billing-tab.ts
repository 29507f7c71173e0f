// Billing tabs on the wire (../shared/reference/billogram.md §2): a customer's tab of
// `billogram_item`s, each added once per X-API-Deduplication-ID, and the tab's settings
// (billing_frequency, delivery_method). Only the item POST's answer is documented; the tab's own
// shape here follows it (ids, ISO timestamps, the items as posted).

import type { BillingTab, TabItem, TabSettings } from '../../../core/billing-tabs/billing-tab-record.ts'
import type { DraftLineInput } from '../../../core/invoices/resolve-draft.ts'
import { BillogramWireError, type FieldNames } from '../errors.ts'
import { deliveryMethodOf } from './billogram-events.ts'
import { deliveryOf } from './delivery-method.ts'
import { checkUnit, checkVat } from './item.ts'
import { readChoice, readDecimal, readObject, readText, readWhole } from './read.ts'
import type { Catalog, JsonObject } from './strict-body.ts'
import { decimalOut } from './values.ts'

export const BILLING_FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const
export const TAB_ITEM: Catalog = {
  billogram_item: { object: { title: 'w', description: 'w', price: 'w', count: 'w', unit: 'w', vat: 'w' } },
}
export const TAB_SETTINGS: Catalog = { billing_frequency: 'w', delivery_method: 'w' }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Billing-tab paths take digits for customer_no and UUIDs for ids, else 400 (the vendor's rule). */
export function checkTabPath(params: Readonly<Record<string, string | undefined>>): void {
  if (!/^\d{1,15}$/.test(params.customer_no ?? ''))
    throw new BillogramWireError('INVALID_PARAMETER', 'customer_no must be digits', ['customer_no'])
  for (const key of ['billing_tab_id', 'billing_tab_item_id'] as const) {
    const value = params[key]
    if (value !== undefined && !UUID.test(value))
      throw new BillogramWireError('INVALID_PARAMETER', `${key} must be a UUID`, [key])
  }
}

export function tabLineFromWire(body: JsonObject): DraftLineInput {
  const item = readObject(body, 'billogram_item')
  const at = ['billogram_item']
  if (!item) throw new BillogramWireError('INVALID_PARAMETER', 'billogram_item is required', at)
  const title = readText(item, 'title', at, 2000)
  const price = readDecimal(item, 'price', at)
  const vat = readWhole(item, 'vat', at)
  const unit = readText(item, 'unit', at, 40)
  checkVat(vat, at)
  checkUnit(unit, at)
  if (!title) throw new BillogramWireError('INVALID_PARAMETER', 'title is required', [...at, 'title'])
  if (price === undefined)
    throw new BillogramWireError('INVALID_PARAMETER', 'price is required', [...at, 'price'])
  if (vat === undefined) throw new BillogramWireError('INVALID_PARAMETER', 'vat is required', [...at, 'vat'])
  return {
    description: title,
    quantity: readDecimal(item, 'count', at) ?? '1',
    unitPrice: price,
    vatRatePercent: vat,
    unit: unit ?? 'unit',
    extra: { billogram: { description: readText(item, 'description', at, 2000) ?? '' } },
  }
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

export function tabItemToWire(tabItem: TabItem) {
  const line = tabItem.line
  const own = line.extra?.billogram as { description?: string } | undefined
  return {
    billing_tab_id: tabItem.billingTabId,
    item_id: tabItem.itemId,
    created_at: tabItem.createdAt,
    billogram_item: {
      title: line.description ?? '',
      description: own?.description ?? '',
      price: decimalOut(text(line.unitPrice) || '0'),
      count: decimalOut(text(line.quantity) || '1'),
      unit: line.unit ?? 'unit',
      vat: decimalOut(text(line.vatRatePercent) || '0'),
    },
  }
}

export function tabSettingsToWire(settings: TabSettings) {
  const delivery = settings.delivery
  return {
    billing_frequency: settings.billingFrequency ?? null,
    delivery_method: delivery
      ? deliveryMethodOf([
          ...(delivery.email ? ['email'] : []),
          ...(delivery.sms ? ['sms'] : []),
          ...(delivery.letter ? ['letter'] : []),
        ])
      : null,
  }
}

export function tabSettingsFromWire(body: JsonObject): TabSettings {
  const frequency = readChoice(body, 'billing_frequency', BILLING_FREQUENCIES)
  const method = body.delivery_method
  return {
    ...(frequency ? { billingFrequency: frequency } : {}),
    ...(method === undefined || method === null ? {} : { delivery: deliveryOf(method, ['delivery_method']) }),
  }
}

export function billingTabToWire(tab: BillingTab, customerNo: string) {
  return {
    billing_tab_id: tab.billingTabId,
    customer_no: Number(customerNo),
    created_at: tab.createdAt,
    settings: tabSettingsToWire(tab.settings),
    items: tab.items.map(tabItemToWire),
  }
}

export const TAB_FIELD_NAMES: FieldNames = [
  [/^deduplicationId$/, 'X-API-Deduplication-ID'],
  [/^lines\.0\.description$/, 'billogram_item.title'],
  [/^lines\.0\.unitPrice$/, 'billogram_item.price'],
  [/^lines\.0\.quantity$/, 'billogram_item.count'],
  [/^lines\.0\.vatRatePercent$/, 'billogram_item.vat'],
  [/^lines\.0\.unit$/, 'billogram_item.unit'],
]
