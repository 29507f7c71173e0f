// Customers and billograms the dialect tests start from, created through the API itself.

import type { BillogramApi } from './billogram-api.ts'

export async function createCustomer(
  api: BillogramApi,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const response = await api.call('POST', '/customer', {
    name: 'Kund AB',
    company_type: 'business',
    contact: { email: 'kund@example.org', phone: '+46701234567' },
    address: { street_address: 'Gatan 2', zipcode: '11444', city: 'Stockholm', country: 'SE' },
    ...extra,
  })
  if (response.status !== 200) throw new Error(`customer not created: ${response.body}`)
  return response.json.data.customer_no
}

/** A billogram of 1000 kr net (1250 kr with VAT), optionally sent at once. */
export async function createBillogram(
  api: BillogramApi,
  customerNo: number,
  extra: Record<string, unknown> = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read the vendor's JSON by its documented shape
): Promise<Record<string, any>> {
  const response = await api.call('POST', '/billogram', {
    customer: { customer_no: customerNo },
    items: [
      { title: 'Konsult', count: 2, price: 400, vat: 25, unit: 'hour' },
      { title: 'Resa', count: 1, price: 200, vat: 25, unit: 'unit' },
    ],
    ...extra,
  })
  if (response.status !== 200) throw new Error(`billogram not created: ${response.body}`)
  return response.json.data
}

export function eventTypes(billogram: { events: readonly { type: string }[] }): string[] {
  return billogram.events.map((event) => event.type)
}
