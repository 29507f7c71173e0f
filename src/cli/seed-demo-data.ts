// The demo organization's customers, products and invoices in several states, made through the
// same use cases the APIs call, so the demo shows exactly what a client would see.

import { createContact } from '../core/contacts/create-contact.ts'
import type { CoreContext } from '../core/context.ts'
import { approveInvoice } from '../core/invoices/approve-invoice.ts'
import { createInvoice } from '../core/invoices/create-invoice.ts'
import { creditInvoice } from '../core/invoices/credit-invoice.ts'
import { recordPayment } from '../core/payments/record-payment.ts'
import { createProduct } from '../core/products/create-product.ts'

export async function seedDemoData(core: CoreContext, organizationId: string): Promise<void> {
  const tenant = { organizationId }
  const customers = [
    await createContact(core, tenant, {
      name: 'Bageriet Sol AB',
      orgNo: '556012-5790',
      email: 'ekonomi@bagerietsol.example',
      address: { street: 'Solgatan 4', zip: '411 05', city: 'Göteborg', country: 'SE' },
    }),
    await createContact(core, tenant, {
      kind: 'person',
      name: 'Anna Lind',
      email: 'anna.lind@example.se',
      address: { street: 'Björkvägen 12', zip: '752 36', city: 'Uppsala', country: 'SE' },
    }),
    await createContact(core, tenant, {
      name: 'Nordhavn ApS',
      vatNo: 'DK12345678',
      email: 'faktura@nordhavn.example',
      locale: 'da',
      currency: 'EUR',
      address: { street: 'Havnegade 2', zip: '1058', city: 'København K', country: 'DK' },
    }),
  ]
  const products = [
    await createProduct(core, tenant, {
      name: 'Konsulttimme',
      unit: 'h',
      vatRatePercent: '25',
      prices: [
        { currency: 'SEK', unitPrice: '950' },
        { currency: 'EUR', unitPrice: '85' },
      ],
    }),
    await createProduct(core, tenant, {
      name: 'Kokbok',
      unit: 'st',
      vatRatePercent: '6',
      prices: [{ currency: 'SEK', unitPrice: '249' }],
    }),
    await createProduct(core, tenant, {
      name: 'Lunchcatering',
      unit: 'port',
      vatRatePercent: '12',
      prices: [{ currency: 'SEK', unitPrice: '115' }],
    }),
  ]
  const [bakery, person, danish] = customers
  const [hour, book, lunch] = products
  if (!bakery || !person || !danish || !hour || !book || !lunch) return

  const invoice = (
    contactId: string,
    lines: { productId: string; quantity: string }[],
    invoiceDate?: string,
  ) => createInvoice(core, tenant, { contactId, lines, ...(invoiceDate ? { invoiceDate } : {}) })

  await invoice(bakery.contactId, [{ productId: hour.productId, quantity: '3' }])
  const open = await invoice(bakery.contactId, [
    { productId: hour.productId, quantity: '8' },
    { productId: lunch.productId, quantity: '20' },
  ])
  await approveInvoice(core, tenant, open.invoiceId)
  const partly = await invoice(person.contactId, [{ productId: book.productId, quantity: '4' }])
  await approveInvoice(core, tenant, partly.invoiceId)
  await recordPayment(core, tenant, { invoiceId: partly.invoiceId, amountMinor: 50000n, source: 'bankgiro' })
  const paid = await invoice(danish.contactId, [{ productId: hour.productId, quantity: '10' }])
  const approvedPaid = await approveInvoice(core, tenant, paid.invoiceId)
  await recordPayment(core, tenant, {
    invoiceId: paid.invoiceId,
    amountMinor: approvedPaid.grossMinor,
    source: 'bank transfer',
  })
  const credited = await invoice(person.contactId, [{ productId: lunch.productId, quantity: '2' }])
  await approveInvoice(core, tenant, credited.invoiceId)
  await creditInvoice(core, tenant, {
    invoiceId: credited.invoiceId,
    selection: { mode: 'full' },
    reason: 'Felaktig leverans',
  })
  const pastDue = await invoice(
    bakery.contactId,
    [{ productId: hour.productId, quantity: '2' }],
    '2026-01-15',
  )
  await approveInvoice(core, tenant, pastDue.invoiceId)
}
