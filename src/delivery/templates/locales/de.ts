// German mail phrases. The greeting ends in a comma, so the next sentence starts in lower case.

import type { LocalePhrases } from '../default-mail-templates.ts'

const signOff = ['Mit freundlichen Grüßen', '{{organizationName}}']

export const de: LocalePhrases = {
  invoice: {
    subject: 'Rechnung {{documentNumber}} von {{organizationName}}',
    greeting: 'Guten Tag {{recipientName}},',
    paragraphs: [
      'anbei erhalten Sie die Rechnung {{documentNumber}} über {{amount}}, fällig am {{dueDate}}.',
    ],
    linkIntro: 'Sie können die Rechnung hier ansehen und bezahlen:',
    linkLabel: 'Rechnung ansehen',
    signOff,
  },
  'credit-note': {
    subject: 'Gutschrift {{documentNumber}} von {{organizationName}}',
    greeting: 'Guten Tag {{recipientName}},',
    paragraphs: ['anbei erhalten Sie die Gutschrift {{documentNumber}} über {{amount}}.'],
    linkIntro: 'Sie können die Gutschrift hier ansehen:',
    linkLabel: 'Gutschrift ansehen',
    signOff,
  },
  reminder: {
    subject: 'Zahlungserinnerung: Rechnung {{documentNumber}} von {{organizationName}}',
    greeting: 'Guten Tag {{recipientName}},',
    paragraphs: [
      'nach unseren Unterlagen ist die Rechnung {{documentNumber}} über {{amount}}, fällig am {{dueDate}}, noch nicht beglichen.',
      'Bitte überweisen Sie den Betrag zeitnah. Sollten Sie bereits bezahlt haben, betrachten Sie diese Erinnerung bitte als gegenstandslos.',
    ],
    linkIntro: 'Sie können die Rechnung hier ansehen und bezahlen:',
    linkLabel: 'Rechnung ansehen und bezahlen',
    signOff,
  },
}
