// Every word printed on a document, per locale, in one table: a label missing in one language fails
// the type check instead of printing "undefined" on a customer's invoice.
//
// German: a credit note is a "Rechnungskorrektur", never a "Gutschrift", which in German VAT law
// (§ 14 Abs. 2 UStG) means a self-billed invoice issued by the buyer.

import type { DocumentLocale, PaymentReferenceKind, SalesViewKind } from './invoice-document-view.ts'

export type ReminderTextInput = Readonly<{ number: string; dueOn: string; amount: string; payByOn: string }>

export type Labels = Readonly<{
  invoiceTitle: string
  creditNoteTitle: string
  reminderTitle: (level: number) => string
  /** The title of each sales document and the label of its number. */
  salesTitles: Readonly<Record<SalesViewKind, string>>
  salesNumbers: Readonly<Record<SalesViewKind, string>>
  documentDate: string
  validUntil: string
  /** Marks an offer's optional line, which the totals leave out. */
  optionalLine: string
  continued: string
  invoiceNumber: string
  creditNoteNumber: string
  issuedOn: string
  remindedOn: string
  dueOn: string
  payByOn: string
  deliveredOn: string
  ourReference: string
  yourReference: string
  orderNumber: string
  creditedInvoice: string
  attention: string
  description: string
  quantity: string
  unit: string
  unitPrice: string
  discount: string
  vatRate: string
  amount: string
  documentDiscount: string
  totalNet: string
  totalVat: string
  rounding: string
  totalGross: string
  taxBreakdown: string
  taxableAmount: string
  taxAmount: string
  payment: string
  amountDue: string
  creditedAmount: string
  bankgiro: string
  plusgiro: string
  references: Readonly<Record<PaymentReferenceKind, string>>
  qrCaption: string
  reverseCharge: string
  orgNumber: string
  vatNumber: string
  email: string
  phone: string
  outstanding: string
  reminderFee: string
  interest: string
  reminderText: (input: ReminderTextInput) => string
  page: (page: number, pageCount: number) => string
}>

const SV: Labels = {
  invoiceTitle: 'Faktura',
  creditNoteTitle: 'Kreditfaktura',
  reminderTitle: (level) => (level === 1 ? 'Betalningspåminnelse' : `Betalningspåminnelse ${level}`),
  salesTitles: {
    offer: 'Offert',
    confirmation: 'Orderbekräftelse',
    'delivery-note': 'Följesedel',
    letter: 'Brev',
  },
  salesNumbers: {
    offer: 'Offertnummer',
    confirmation: 'Ordernummer',
    'delivery-note': 'Följesedelsnummer',
    letter: 'Nummer',
  },
  documentDate: 'Datum',
  validUntil: 'Giltig till',
  optionalLine: 'tillval, ingår ej i summan',
  continued: '(forts.)',
  invoiceNumber: 'Fakturanummer',
  creditNoteNumber: 'Kreditfakturanummer',
  issuedOn: 'Fakturadatum',
  remindedOn: 'Datum',
  dueOn: 'Förfallodatum',
  payByOn: 'Betala senast',
  deliveredOn: 'Leveransdatum',
  ourReference: 'Vår referens',
  yourReference: 'Er referens',
  orderNumber: 'Ordernummer',
  creditedInvoice: 'Krediterar faktura',
  attention: 'Att:',
  description: 'Beskrivning',
  quantity: 'Antal',
  unit: 'Enhet',
  unitPrice: 'À-pris',
  discount: 'Rabatt',
  vatRate: 'Moms',
  amount: 'Belopp',
  documentDiscount: 'Fakturarabatt',
  totalNet: 'Summa exkl. moms',
  totalVat: 'Summa moms',
  rounding: 'Öresavrundning',
  totalGross: 'Summa inkl. moms',
  taxBreakdown: 'Momsspecifikation',
  taxableAmount: 'Underlag',
  taxAmount: 'Moms',
  payment: 'Betalningsinformation',
  amountDue: 'Att betala',
  creditedAmount: 'Krediterat belopp',
  bankgiro: 'Bankgiro',
  plusgiro: 'Plusgiro',
  references: { ocr: 'OCR-nummer', fik: 'FI-kod', kid: 'KID', rf: 'Referens' },
  qrCaption: 'Skanna med bankappen för att betala',
  reverseCharge:
    'Omvänd betalningsskyldighet: köparen redovisar mervärdesskatten (art. 196 direktiv 2006/112/EG).',
  orgNumber: 'Org.nr',
  vatNumber: 'Momsreg.nr',
  email: 'E-post',
  phone: 'Telefon',
  outstanding: 'Obetalt belopp',
  reminderFee: 'Påminnelseavgift',
  interest: 'Dröjsmålsränta',
  reminderText: (t) =>
    `Enligt våra noteringar är faktura ${t.number}, som förföll ${t.dueOn}, ännu inte betald. ` +
    `Vänligen betala ${t.amount} senast ${t.payByOn}. Har du redan betalat kan du bortse från denna påminnelse.`,
  page: (page, pageCount) => `Sida ${page} av ${pageCount}`,
}

const DA: Labels = {
  invoiceTitle: 'Faktura',
  creditNoteTitle: 'Kreditnota',
  reminderTitle: (level) => (level === 1 ? 'Rykker' : `${level}. rykker`),
  salesTitles: {
    offer: 'Tilbud',
    confirmation: 'Ordrebekræftelse',
    'delivery-note': 'Følgeseddel',
    letter: 'Brev',
  },
  salesNumbers: {
    offer: 'Tilbudsnummer',
    confirmation: 'Ordrenummer',
    'delivery-note': 'Følgeseddelnummer',
    letter: 'Nummer',
  },
  documentDate: 'Dato',
  validUntil: 'Gyldigt til',
  optionalLine: 'valgfri, ikke med i summen',
  continued: '(fortsat)',
  invoiceNumber: 'Fakturanummer',
  creditNoteNumber: 'Kreditnotanummer',
  issuedOn: 'Fakturadato',
  remindedOn: 'Dato',
  dueOn: 'Forfaldsdato',
  payByOn: 'Betal senest',
  deliveredOn: 'Leveringsdato',
  ourReference: 'Vores reference',
  yourReference: 'Jeres reference',
  orderNumber: 'Ordrenummer',
  creditedInvoice: 'Krediterer faktura',
  attention: 'Att.:',
  description: 'Beskrivelse',
  quantity: 'Antal',
  unit: 'Enhed',
  unitPrice: 'Stk.-pris',
  discount: 'Rabat',
  vatRate: 'Moms',
  amount: 'Beløb',
  documentDiscount: 'Rabat på faktura',
  totalNet: 'Subtotal ekskl. moms',
  totalVat: 'Moms i alt',
  rounding: 'Afrunding',
  totalGross: 'Total inkl. moms',
  taxBreakdown: 'Momsspecifikation',
  taxableAmount: 'Momsgrundlag',
  taxAmount: 'Moms',
  payment: 'Betalingsoplysninger',
  amountDue: 'At betale',
  creditedAmount: 'Krediteret beløb',
  bankgiro: 'Bankgiro',
  plusgiro: 'Plusgiro',
  references: { ocr: 'OCR-nummer', fik: 'FI-kode', kid: 'KID', rf: 'Betalingsreference' },
  qrCaption: 'Scan med din bank-app for at betale',
  reverseCharge: 'Omvendt betalingspligt: køber afregner momsen (art. 196 i direktiv 2006/112/EF).',
  orgNumber: 'CVR-nr.',
  vatNumber: 'Momsnr.',
  email: 'E-mail',
  phone: 'Telefon',
  outstanding: 'Udestående beløb',
  reminderFee: 'Rykkergebyr',
  interest: 'Morarenter',
  reminderText: (t) =>
    `Ifølge vores registreringer er faktura ${t.number}, som forfaldt ${t.dueOn}, endnu ikke betalt. ` +
    `Betal venligst ${t.amount} senest ${t.payByOn}. Har du allerede betalt, kan du se bort fra denne rykker.`,
  page: (page, pageCount) => `Side ${page} af ${pageCount}`,
}

const DE: Labels = {
  invoiceTitle: 'Rechnung',
  creditNoteTitle: 'Rechnungskorrektur',
  reminderTitle: (level) => (level === 1 ? 'Zahlungserinnerung' : `${level}. Mahnung`),
  salesTitles: {
    offer: 'Angebot',
    confirmation: 'Auftragsbestätigung',
    'delivery-note': 'Lieferschein',
    letter: 'Brief',
  },
  salesNumbers: {
    offer: 'Angebotsnummer',
    confirmation: 'Auftragsnummer',
    'delivery-note': 'Lieferscheinnummer',
    letter: 'Nummer',
  },
  documentDate: 'Datum',
  validUntil: 'Gültig bis',
  optionalLine: 'optional, nicht in der Summe',
  continued: '(Fortsetzung)',
  invoiceNumber: 'Rechnungsnummer',
  creditNoteNumber: 'Korrekturnummer',
  issuedOn: 'Rechnungsdatum',
  remindedOn: 'Datum',
  dueOn: 'Fällig am',
  payByOn: 'Zahlbar bis',
  deliveredOn: 'Leistungsdatum',
  ourReference: 'Unser Zeichen',
  yourReference: 'Ihr Zeichen',
  orderNumber: 'Bestellnummer',
  creditedInvoice: 'Korrektur zu Rechnung',
  attention: 'z. Hd.',
  description: 'Beschreibung',
  quantity: 'Menge',
  unit: 'Einheit',
  unitPrice: 'Einzelpreis',
  discount: 'Rabatt',
  vatRate: 'USt.',
  amount: 'Betrag',
  documentDiscount: 'Rabatt auf die Rechnung',
  totalNet: 'Summe netto',
  totalVat: 'Umsatzsteuer gesamt',
  rounding: 'Rundung',
  totalGross: 'Summe brutto',
  taxBreakdown: 'Umsatzsteuer nach Sätzen',
  taxableAmount: 'Netto',
  taxAmount: 'Steuer',
  payment: 'Zahlungsinformationen',
  amountDue: 'Zu zahlen',
  creditedAmount: 'Korrekturbetrag',
  bankgiro: 'Bankgiro',
  plusgiro: 'Plusgiro',
  references: { ocr: 'OCR-Nummer', fik: 'FIK', kid: 'KID', rf: 'Zahlungsreferenz' },
  qrCaption: 'GiroCode: mit der Banking-App scannen',
  reverseCharge: 'Steuerschuldnerschaft des Leistungsempfängers (Art. 196 MwStSystRL 2006/112/EG).',
  orgNumber: 'Steuer-Nr.',
  vatNumber: 'USt-IdNr.',
  email: 'E-Mail',
  phone: 'Telefon',
  outstanding: 'Offener Betrag',
  reminderFee: 'Mahngebühr',
  interest: 'Verzugszinsen',
  reminderText: (t) =>
    `Nach unseren Unterlagen ist die Rechnung ${t.number}, fällig am ${t.dueOn}, noch nicht bezahlt. ` +
    `Bitte überweisen Sie ${t.amount} bis zum ${t.payByOn}. ` +
    'Sollten Sie bereits gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.',
  page: (page, pageCount) => `Seite ${page} von ${pageCount}`,
}

const EN: Labels = {
  invoiceTitle: 'Invoice',
  creditNoteTitle: 'Credit note',
  reminderTitle: (level) => (level === 1 ? 'Payment reminder' : `Payment reminder ${level}`),
  salesTitles: {
    offer: 'Quote',
    confirmation: 'Order confirmation',
    'delivery-note': 'Delivery note',
    letter: 'Letter',
  },
  salesNumbers: {
    offer: 'Quote number',
    confirmation: 'Order number',
    'delivery-note': 'Delivery note number',
    letter: 'Number',
  },
  documentDate: 'Date',
  validUntil: 'Valid until',
  optionalLine: 'optional, not in the total',
  continued: '(continued)',
  invoiceNumber: 'Invoice number',
  creditNoteNumber: 'Credit note number',
  issuedOn: 'Invoice date',
  remindedOn: 'Date',
  dueOn: 'Due date',
  payByOn: 'Pay by',
  deliveredOn: 'Delivery date',
  ourReference: 'Our reference',
  yourReference: 'Your reference',
  orderNumber: 'Order number',
  creditedInvoice: 'Credits invoice',
  attention: 'Attn:',
  description: 'Description',
  quantity: 'Qty',
  unit: 'Unit',
  unitPrice: 'Unit price',
  discount: 'Discount',
  vatRate: 'VAT',
  amount: 'Amount',
  documentDiscount: 'Invoice discount',
  totalNet: 'Total excl. VAT',
  totalVat: 'Total VAT',
  rounding: 'Rounding',
  totalGross: 'Total incl. VAT',
  taxBreakdown: 'VAT breakdown',
  taxableAmount: 'Taxable amount',
  taxAmount: 'VAT',
  payment: 'Payment details',
  amountDue: 'Amount due',
  creditedAmount: 'Credited amount',
  bankgiro: 'Bankgiro',
  plusgiro: 'Plusgiro',
  references: { ocr: 'OCR reference', fik: 'FIK code', kid: 'KID', rf: 'Payment reference' },
  qrCaption: 'Scan with your banking app to pay',
  reverseCharge: 'Reverse charge: the recipient accounts for the VAT (Art. 196, Directive 2006/112/EC).',
  orgNumber: 'Company reg. no.',
  vatNumber: 'VAT no.',
  email: 'Email',
  phone: 'Phone',
  outstanding: 'Outstanding amount',
  reminderFee: 'Reminder fee',
  interest: 'Late payment interest',
  reminderText: (t) =>
    `According to our records, invoice ${t.number}, due on ${t.dueOn}, has not been paid yet. ` +
    `Please pay ${t.amount} by ${t.payByOn}. If you have already paid, please disregard this reminder.`,
  page: (page, pageCount) => `Page ${page} of ${pageCount}`,
}

export const LABELS: Readonly<Record<DocumentLocale, Labels>> = { sv: SV, da: DA, de: DE, en: EN }
