// Sample document views for tests and the PDF benchmark: one per locale, each with the payment
// setup usual in its country. Totals are computed here from the lines (VAT per rate, half-up), so
// every sample passes the renderers' consistency check.

import type {
  DocumentLine,
  DocumentLocale,
  DocumentPayment,
  InvoiceDocumentView,
  TaxBreakdownRow,
} from '../../src/documents/invoice-document-view.ts'
import type { CurrencyCode } from '../../src/domain/money/currency.ts'
import { divideRounded } from '../../src/domain/money/money.ts'

export type SampleLine = Readonly<{
  description: string
  /** Whole or half units, so that the net amount is exact. */
  quantityHalves: bigint
  unit?: string
  unitPriceMinor: bigint
  discountMinor?: bigint
  vatRatePercent: bigint
}>

function quantityString(halves: bigint): string {
  return halves % 2n === 0n ? `${halves / 2n}` : `${halves / 2n}.5`
}

export function buildLines(samples: readonly SampleLine[]): DocumentLine[] {
  return samples.map((sample) => {
    const netMinor = (sample.quantityHalves * sample.unitPriceMinor) / 2n - (sample.discountMinor ?? 0n)
    const vatMinor = divideRounded(netMinor * sample.vatRatePercent, 100n, 'half-up')
    return {
      description: sample.description,
      quantity: quantityString(sample.quantityHalves),
      ...(sample.unit === undefined ? {} : { unit: sample.unit }),
      unitPriceMinor: sample.unitPriceMinor,
      ...(sample.discountMinor === undefined ? {} : { discountMinor: sample.discountMinor }),
      vatRatePercent: `${sample.vatRatePercent}`,
      netMinor,
      grossMinor: netMinor + vatMinor,
    }
  })
}

/** VAT per rate on the sum of the rate's net amounts, half-up; rates in descending order. */
export function taxBreakdownOf(lines: readonly DocumentLine[]): TaxBreakdownRow[] {
  const netByRate = new Map<string, bigint>()
  for (const line of lines)
    netByRate.set(line.vatRatePercent, (netByRate.get(line.vatRatePercent) ?? 0n) + line.netMinor)
  return [...netByRate.entries()]
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(([ratePercent, netMinor]) => ({
      ratePercent,
      netMinor,
      vatMinor: divideRounded(netMinor * BigInt(ratePercent), 100n, 'half-up'),
    }))
}

type SampleOptions = Readonly<{
  locale: DocumentLocale
  currency: CurrencyCode
  lines: readonly SampleLine[]
  payment: Omit<DocumentPayment, 'dueAmountMinor'>
  /** Round the gross to whole units (Swedish öresavrundning). */
  roundToWholeUnits?: boolean
  reverseCharge?: boolean
}>

const SENDERS = {
  sv: {
    name: 'Norrsken Konsult AB',
    addressLines: ['Storgatan 12', '411 38 Göteborg'],
    countryCode: 'SE',
    orgNumber: '556677-8899',
    vatNumber: 'SE556677889901',
    email: 'faktura@norrsken.se',
    phone: '031-12 34 56',
  },
  da: {
    name: 'Fjord Design ApS',
    addressLines: ['Østergade 4', '8000 Aarhus C'],
    countryCode: 'DK',
    orgNumber: '12345678',
    vatNumber: 'DK12345678',
    email: 'regnskab@fjord.dk',
  },
  de: {
    name: 'Müller & Söhne GmbH',
    addressLines: ['Hauptstraße 5', '80331 München'],
    countryCode: 'DE',
    orgNumber: '143/123/45678',
    vatNumber: 'DE123456789',
    phone: '+49 89 1234567',
  },
  en: {
    name: 'Harbour Analytics Ltd',
    addressLines: ['1 Quay Street', 'Dublin 2'],
    countryCode: 'IE',
    vatNumber: 'IE1234567T',
    email: 'billing@harbour.ie',
  },
} as const

const RECIPIENTS = {
  sv: {
    name: 'Älvdalens Bygg AB',
    attention: 'Åsa Öberg',
    addressLines: ['Box 123', '796 22 Älvdalen'],
    countryCode: 'SE',
  },
  da: { name: 'Søren Ærø Møbler A/S', addressLines: ['Nørregade 17', '1165 København K'], countryCode: 'DK' },
  de: {
    name: 'Bäckerei Groß KG',
    attention: 'Frau Jürgens',
    addressLines: ['Lindenstraße 3', '10969 Berlin'],
    countryCode: 'DE',
  },
  en: {
    name: 'Nordic Widgets GmbH',
    addressLines: ['Königsallee 20', '40212 Düsseldorf'],
    countryCode: 'DE',
  },
} as const

export function sampleView(options: SampleOptions): InvoiceDocumentView {
  const lines = buildLines(options.lines)
  const taxBreakdown = taxBreakdownOf(lines)
  const netMinor = taxBreakdown.reduce((acc, row) => acc + row.netMinor, 0n)
  const vatMinor = taxBreakdown.reduce((acc, row) => acc + row.vatMinor, 0n)
  const exactMinor = netMinor + vatMinor
  const grossMinor =
    options.roundToWholeUnits === true ? divideRounded(exactMinor, 100n, 'half-up') * 100n : exactMinor
  return {
    kind: 'invoice',
    locale: options.locale,
    sender: SENDERS[options.locale],
    recipient: RECIPIENTS[options.locale],
    number: '2026-0042',
    issuedOn: '2026-11-22',
    dueOn: '2026-12-22',
    deliveredOn: '2026-11-20',
    references: { ourReference: 'Karin Lund', yourReference: 'PO 7781', orderNumber: 'ORD-5521' },
    currency: options.currency,
    lines,
    taxBreakdown,
    totals: { netMinor, vatMinor, roundingMinor: grossMinor - exactMinor, grossMinor },
    reverseCharge: options.reverseCharge === true,
    payment: { ...options.payment, dueAmountMinor: grossMinor },
    footerText: `${SENDERS[options.locale].name} · ${SENDERS[options.locale].addressLines.join(' · ')}`,
  }
}

const CONSULTING: readonly SampleLine[] = [
  {
    description: 'Systemutveckling, november',
    quantityHalves: 75n,
    unit: 'h',
    unitPriceMinor: 125000n,
    vatRatePercent: 25n,
  },
  {
    description: 'Kurslitteratur: Betalningar i Norden',
    quantityHalves: 4n,
    unit: 'st',
    unitPriceMinor: 34950n,
    vatRatePercent: 6n,
  },
  {
    description: 'Konferensfika för tolv personer',
    quantityHalves: 2n,
    unitPriceMinor: 123456n,
    vatRatePercent: 12n,
  },
]

export const SV_INVOICE: InvoiceDocumentView = sampleView({
  locale: 'sv',
  currency: 'SEK',
  lines: CONSULTING,
  payment: { bankgiro: '5050-1055', plusgiro: '4 89 12-3', reference: { kind: 'ocr', value: '2026004205' } },
  roundToWholeUnits: true,
})

export const DA_INVOICE: InvoiceDocumentView = sampleView({
  locale: 'da',
  currency: 'DKK',
  lines: [
    {
      description: 'Designworkshop, 2 dage',
      quantityHalves: 4n,
      unit: 'dag',
      unitPriceMinor: 1250000n,
      vatRatePercent: 25n,
    },
    {
      description: 'Trykte brochurer (æske á 500 stk.)',
      quantityHalves: 6n,
      unitPriceMinor: 189995n,
      discountMinor: 10000n,
      vatRatePercent: 25n,
    },
  ],
  payment: {
    iban: 'DK5000400440116243',
    bic: 'DABADKKK',
    fikCreditorNumber: '87654321',
    reference: { kind: 'fik', value: '000000004200422' },
  },
})

export const DE_INVOICE: InvoiceDocumentView = sampleView({
  locale: 'de',
  currency: 'EUR',
  lines: [
    {
      description: 'Beratung Buchhaltungsumstellung',
      quantityHalves: 25n,
      unit: 'Std.',
      unitPriceMinor: 9500n,
      vatRatePercent: 19n,
    },
    {
      description: 'Fachbuch „Umsatzsteuer für Einsteiger“',
      quantityHalves: 2n,
      unitPriceMinor: 3990n,
      vatRatePercent: 7n,
    },
    {
      description: 'Schulungsunterlagen, gedruckt',
      quantityHalves: 24n,
      unit: 'Stk.',
      unitPriceMinor: 1250n,
      vatRatePercent: 19n,
    },
  ],
  payment: {
    iban: 'DE89 3704 0044 0532 0130 00',
    bic: 'COBADEFFXXX',
    reference: { kind: 'rf', value: 'RF18539007547034' },
  },
})

export const EN_INVOICE: InvoiceDocumentView = sampleView({
  locale: 'en',
  currency: 'EUR',
  lines: [
    {
      description: 'Data platform subscription, December',
      quantityHalves: 2n,
      unitPriceMinor: 1499900n,
      vatRatePercent: 0n,
    },
    {
      description: 'Onboarding workshop',
      quantityHalves: 3n,
      unit: 'days',
      unitPriceMinor: 180000n,
      vatRatePercent: 0n,
    },
  ],
  payment: { iban: 'IE29AIBK93115212345678', bic: 'AIBKIE2D' },
  reverseCharge: true,
})
