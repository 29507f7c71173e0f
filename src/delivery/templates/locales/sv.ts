// Swedish mail phrases.

import type { LocalePhrases } from '../default-mail-templates.ts'

const signOff = ['Med vänliga hälsningar', '{{organizationName}}']

export const sv: LocalePhrases = {
  invoice: {
    subject: 'Faktura {{documentNumber}} från {{organizationName}}',
    greeting: 'Hej {{recipientName}},',
    paragraphs: ['Bifogat finns faktura {{documentNumber}} på {{amount}} med förfallodag {{dueDate}}.'],
    linkIntro: 'Du kan se och betala fakturan här:',
    linkLabel: 'Visa fakturan',
    signOff,
  },
  'credit-note': {
    subject: 'Kreditfaktura {{documentNumber}} från {{organizationName}}',
    greeting: 'Hej {{recipientName}},',
    paragraphs: ['Bifogat finns kreditfaktura {{documentNumber}} på {{amount}}.'],
    linkIntro: 'Du kan se kreditfakturan här:',
    linkLabel: 'Visa kreditfakturan',
    signOff,
  },
  reminder: {
    subject: 'Påminnelse: faktura {{documentNumber}} från {{organizationName}}',
    greeting: 'Hej {{recipientName}},',
    paragraphs: [
      'Enligt våra noteringar är faktura {{documentNumber}} på {{amount}}, som förföll {{dueDate}}, ännu inte betald.',
      'Vänligen betala snarast. Om du redan har betalat kan du bortse från denna påminnelse.',
    ],
    linkIntro: 'Du kan se och betala fakturan här:',
    linkLabel: 'Visa och betala fakturan',
    signOff,
  },
}
