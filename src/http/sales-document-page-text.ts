// The words of the recipient's page of an offer, confirmation or delivery note, in the four
// languages documents are written in.

import type { DocumentLocale } from '../documents/invoice-document-view.ts'

export type SalesPageText = Readonly<{
  download: string
  accept: string
  decline: string
  chooseOptions: string
  validUntil: string
  accepted: string
  declined: string
  thanks: string
}>

export const SALES_PAGE_TEXT: Readonly<Record<DocumentLocale, SalesPageText>> = {
  sv: {
    download: 'Ladda ner PDF',
    accept: 'Acceptera offerten',
    decline: 'Avböj offerten',
    chooseOptions: 'Tillval att ta med:',
    validUntil: 'Giltig till',
    accepted: 'Offerten är accepterad.',
    declined: 'Offerten är avböjd.',
    thanks: 'Tack, ditt svar är mottaget.',
  },
  da: {
    download: 'Hent PDF',
    accept: 'Accepter tilbuddet',
    decline: 'Afvis tilbuddet',
    chooseOptions: 'Tilvalg der skal med:',
    validUntil: 'Gyldigt til',
    accepted: 'Tilbuddet er accepteret.',
    declined: 'Tilbuddet er afvist.',
    thanks: 'Tak, dit svar er modtaget.',
  },
  de: {
    download: 'PDF herunterladen',
    accept: 'Angebot annehmen',
    decline: 'Angebot ablehnen',
    chooseOptions: 'Optionale Positionen, die dazugehören sollen:',
    validUntil: 'Gültig bis',
    accepted: 'Das Angebot ist angenommen.',
    declined: 'Das Angebot ist abgelehnt.',
    thanks: 'Danke, Ihre Antwort ist angekommen.',
  },
  en: {
    download: 'Download PDF',
    accept: 'Accept the offer',
    decline: 'Decline the offer',
    chooseOptions: 'Optional items to include:',
    validUntil: 'Valid until',
    accepted: 'The offer has been accepted.',
    declined: 'The offer has been declined.',
    thanks: 'Thank you, your answer has been received.',
  },
}
