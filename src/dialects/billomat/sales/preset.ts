// `GET /invoices/preset?confirmation_id=` (appendix: auftragsbestaetigungen; also offer_id): the
// invoice body an offer or confirmation turns into, to be POSTed to /invoices as it is or changed.
// Nothing is written; its items are the source's (less optional items not chosen), its references
// name the source.

import type { CoreContext, Tenant } from '../../../core/context.ts'
import type { SalesDocument } from '../../../domain/sales/sales-document.ts'
import { contactNosOf, productsByIds } from '../ids.ts'
import { docExtraOf, lineExtraOf } from '../invoices/extra.ts'
import { clientAddress } from '../invoices/to-wire.ts'
import { float, int, list, nested, record, str, type WireRecord } from '../wire/tree.ts'
import { takenLines } from './source.ts'

export async function invoicePreset(
  core: CoreContext,
  t: Tenant,
  source: SalesDocument,
): Promise<WireRecord> {
  const lines = takenLines(source)
  const [clients, products] = await Promise.all([
    contactNosOf(core, t, source.contactId ? [source.contactId] : []),
    productsByIds(
      core,
      t,
      lines.flatMap((line) => line.productId ?? []),
    ),
  ])
  const client = source.contactId ? clients.get(source.contactId) : undefined
  const extra = docExtraOf(source)
  const isOffer = source.kind === 'offer'
  const items = lines.map((line) => {
    const item = lineExtraOf(line)
    return record('invoice-item', [
      int('article_id', line.productId ? products.get(line.productId)?.productSeq : undefined),
      str('unit', line.unit),
      float('quantity', line.quantity),
      float('unit_price', line.unitPrice),
      str('tax_name', item.tax_name),
      float('tax_rate', line.taxTreatment === 'standard' ? line.vatRatePercent : '0'),
      str('title', item.title ?? line.description),
      str('description', item.description),
      str('reduction', item.reduction),
      str('type', item.type),
    ])
  })
  return record('invoice', [
    int('client_id', client?.contactNo),
    int('contact_id', extra.contact_id),
    str('address', extra.address ?? clientAddress(client)),
    str('title', extra.title),
    str('label', extra.label),
    str('intro', extra.intro),
    str('note', extra.note ?? source.notes),
    str('reduction', extra.reduction),
    str('currency_code', source.currency),
    str('net_gross', source.priceBasis === 'gross' ? 'GROSS' : 'NET'),
    float('quote', extra.quote ?? '1'),
    int('offer_id', isOffer ? source.documentSeq : extra.offer_id),
    int('confirmation_id', isOffer ? undefined : source.documentSeq),
    nested(list('invoice-items', 'invoice-item', items)),
  ])
}
