// Completes an offer, confirmation, delivery note or letter as one transaction: the number from
// number_pre, number and number_length or the settings' `*_number_pre`/`*_number_length` (the
// core takes it gap-free from the kind's own series), and the texts' placeholders frozen, as an
// invoice's are (§4 completion).

import type { CoreContext, Tenant } from '../../../core/context.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { setSalesDocumentExtra } from '../../../core/sales/change-sales-state.ts'
import { completeSalesDocument, type SalesNumbering } from '../../../core/sales/complete-sales-document.ts'
import { inOneTransaction } from '../../../core/unit-of-work.ts'
import { formatDate, formatMoney } from '../../../documents/format.ts'
import { documentLocaleOf } from '../../../documents/invoice-view-of.ts'
import type { CurrencyCode } from '../../../domain/money/currency.ts'
import type { SalesDocument } from '../../../domain/sales/sales-document.ts'
import { contactNosOf } from '../ids.ts'
import { docExtraOf, type WireStrings } from '../invoices/extra.ts'
import { fillPlaceholders, frozenTexts, partyValues } from '../invoices/placeholders.ts'
import { loadSettings, type Settings } from '../settings.ts'
import type { SalesKind } from './kinds.ts'

function numberingOf(kind: SalesKind, extra: WireStrings, settings: Settings): SalesNumbering | undefined {
  if (!kind.numberField) return undefined
  const settingsPrefix = settings[`${kind.settingsKey}_number_pre`] ?? ''
  const prefix = extra.number_pre ?? settingsPrefix
  const padding = Number(extra.number_length ?? settings[`${kind.settingsKey}_number_length`] ?? '0')
  // CONSIDER_PREFIX counts each prefix on its own (§2.11 settings number_range_mode), as for
  // invoices: the settings' prefix keeps the kind's series, any other prefix has one of its own.
  const considered = settings.number_range_mode === 'CONSIDER_PREFIX' && prefix !== settingsPrefix
  return {
    prefix,
    padding,
    ...(extra.number ? { chosen: BigInt(extra.number) } : {}),
    ...(considered ? { seriesKey: `${kind.kind}/${prefix}` } : {}),
  }
}

/** [Offer.offer_number], [Offer.date], [Client.name], ... of a sales document as it stands. */
export async function salesPlaceholderValues(
  core: CoreContext,
  tenant: Tenant,
  kind: SalesKind,
  document: SalesDocument,
): Promise<Readonly<Record<string, string>>> {
  const [clients, organization] = await Promise.all([
    contactNosOf(core, tenant, document.contactId ? [document.contactId] : []),
    getOrganization(core, tenant),
  ])
  const locale = documentLocaleOf(document.locale)
  const extra = docExtraOf(document)
  const day = (iso: string | null) => (iso ? formatDate(iso, locale) : '')
  const amount = (minor: bigint) => formatMoney(minor, document.currency as CurrencyCode, locale)
  const entity = kind.entity
  return {
    [`${entity}.id`]: String(document.documentSeq),
    ...(kind.numberField ? { [`${entity}.${kind.numberField}`]: document.number ?? '' } : {}),
    [`${entity}.number`]: document.number ?? '',
    [`${entity}.date`]: day(document.documentDate),
    [`${entity}.validity_date`]: day(document.validUntil),
    [`${entity}.label`]: extra.label ?? '',
    [`${entity}.title`]: extra.title ?? extra.subject ?? '',
    [`${entity}.total_net`]: amount(document.netMinor),
    [`${entity}.total_gross`]: amount(document.grossMinor),
    [`${entity}.currency_code`]: document.currency,
    ...partyValues(document.contactId ? clients.get(document.contactId) : undefined, organization.name),
  }
}

export async function completeSales(
  core: CoreContext,
  tenant: Tenant,
  kind: SalesKind,
  draft: SalesDocument,
  templateId: bigint | undefined,
): Promise<SalesDocument> {
  return inOneTransaction(core, async (unit) => {
    const numbering = numberingOf(kind, docExtraOf(draft), await loadSettings(unit, tenant))
    const completed = await completeSalesDocument(unit, tenant, draft.documentId, numbering)
    const values = await salesPlaceholderValues(unit, tenant, kind, completed)
    return setSalesDocumentExtra(unit, tenant, completed.documentId, (document) => {
      const extra = docExtraOf(document)
      return {
        ...document.extra,
        billomat: {
          ...extra,
          ...frozenTexts(document, values),
          ...(extra.subject ? { subject: fillPlaceholders(extra.subject, values) } : {}),
          ...(numbering ? { number_pre: numbering.prefix, number_length: String(numbering.padding) } : {}),
          ...(templateId === undefined ? {} : { template_id: String(templateId) }),
        },
      }
    })
  })
}
