// The words of the recipient's invoice page in the four languages documents are written in.

import type { DocumentLocale } from '../documents/invoice-document-view.ts'

export type PageText = Readonly<{
  download: string
  history: string
  message: string
  messageHint: string
  send: string
  respite: string
  respiteHint: string
  respiteUntil: string
  reason: string
  ask: string
  accept: string
  thanks: string
  notFound: string
  events: Readonly<Record<string, string>>
}>

export const PAGE_TEXT: Readonly<Record<DocumentLocale, PageText>> = {
  sv: {
    download: 'Ladda ner PDF',
    history: 'Händelser',
    message: 'Skicka ett meddelande',
    messageHint: 'Ditt meddelande går till avsändaren av fakturan.',
    send: 'Skicka',
    respite: 'Be om anstånd',
    respiteHint: 'Ange till vilket datum du behöver mer tid.',
    respiteUntil: 'Nytt förfallodatum',
    reason: 'Anledning',
    ask: 'Be om anstånd',
    accept: 'Ja tack, lägg till',
    thanks: 'Tack, det är mottaget.',
    notFound: 'Sidan finns inte.',
    events: {
      'invoice.approved': 'Fakturan skickades',
      'invoice.payment': 'Betalning mottagen',
      'invoice.paid': 'Fakturan är betald',
      'invoice.credited': 'Fakturan krediterades',
      'case.customer_message': 'Meddelande skickat',
      'case.respite_requested': 'Anstånd begärt',
      'offer.accepted': 'Erbjudande accepterat',
    },
  },
  da: {
    download: 'Hent PDF',
    history: 'Hændelser',
    message: 'Send en besked',
    messageHint: 'Din besked går til afsenderen af fakturaen.',
    send: 'Send',
    respite: 'Bed om henstand',
    respiteHint: 'Angiv hvilken dato du har brug for mere tid til.',
    respiteUntil: 'Ny forfaldsdato',
    reason: 'Begrundelse',
    ask: 'Bed om henstand',
    accept: 'Ja tak, tilføj',
    thanks: 'Tak, det er modtaget.',
    notFound: 'Siden findes ikke.',
    events: {
      'invoice.approved': 'Fakturaen blev sendt',
      'invoice.payment': 'Betaling modtaget',
      'invoice.paid': 'Fakturaen er betalt',
      'invoice.credited': 'Fakturaen blev krediteret',
      'case.customer_message': 'Besked sendt',
      'case.respite_requested': 'Henstand anmodet',
      'offer.accepted': 'Tilbud accepteret',
    },
  },
  de: {
    download: 'PDF herunterladen',
    history: 'Verlauf',
    message: 'Nachricht senden',
    messageHint: 'Ihre Nachricht geht an den Absender der Rechnung.',
    send: 'Senden',
    respite: 'Zahlungsaufschub erbitten',
    respiteHint: 'Geben Sie an, bis wann Sie mehr Zeit brauchen.',
    respiteUntil: 'Neues Fälligkeitsdatum',
    reason: 'Begründung',
    ask: 'Aufschub erbitten',
    accept: 'Ja, hinzufügen',
    thanks: 'Danke, ist angekommen.',
    notFound: 'Diese Seite gibt es nicht.',
    events: {
      'invoice.approved': 'Rechnung versendet',
      'invoice.payment': 'Zahlung erhalten',
      'invoice.paid': 'Rechnung bezahlt',
      'invoice.credited': 'Rechnung gutgeschrieben',
      'case.customer_message': 'Nachricht gesendet',
      'case.respite_requested': 'Aufschub erbeten',
      'offer.accepted': 'Angebot angenommen',
    },
  },
  en: {
    download: 'Download PDF',
    history: 'History',
    message: 'Send a message',
    messageHint: 'Your message goes to the sender of the invoice.',
    send: 'Send',
    respite: 'Ask for more time',
    respiteHint: 'Tell the sender until which date you need more time.',
    respiteUntil: 'New due date',
    reason: 'Reason',
    ask: 'Ask for more time',
    accept: 'Yes, add it',
    thanks: 'Thank you, it has been received.',
    notFound: 'This page does not exist.',
    events: {
      'invoice.approved': 'Invoice sent',
      'invoice.payment': 'Payment received',
      'invoice.paid': 'Invoice paid',
      'invoice.credited': 'Invoice credited',
      'case.customer_message': 'Message sent',
      'case.respite_requested': 'More time asked for',
      'offer.accepted': 'Offer accepted',
    },
  },
}
