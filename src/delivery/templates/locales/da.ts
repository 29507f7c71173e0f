// Danish mail phrases.

import type { LocalePhrases } from '../default-mail-templates.ts'

const signOff = ['Med venlig hilsen', '{{organizationName}}']

export const da: LocalePhrases = {
  invoice: {
    subject: 'Faktura {{documentNumber}} fra {{organizationName}}',
    greeting: 'Hej {{recipientName}},',
    paragraphs: ['Vedhæftet er faktura {{documentNumber}} på {{amount}} med forfaldsdato {{dueDate}}.'],
    linkIntro: 'Du kan se og betale fakturaen her:',
    linkLabel: 'Se fakturaen',
    signOff,
  },
  'credit-note': {
    subject: 'Kreditnota {{documentNumber}} fra {{organizationName}}',
    greeting: 'Hej {{recipientName}},',
    paragraphs: ['Vedhæftet er kreditnota {{documentNumber}} på {{amount}}.'],
    linkIntro: 'Du kan se kreditnotaen her:',
    linkLabel: 'Se kreditnotaen',
    signOff,
  },
  reminder: {
    subject: 'Påmindelse: faktura {{documentNumber}} fra {{organizationName}}',
    greeting: 'Hej {{recipientName}},',
    paragraphs: [
      'Ifølge vores oplysninger er faktura {{documentNumber}} på {{amount}}, som forfaldt {{dueDate}}, endnu ikke betalt.',
      'Vi beder dig betale hurtigst muligt. Hvis du allerede har betalt, kan du se bort fra denne påmindelse.',
    ],
    linkIntro: 'Du kan se og betale fakturaen her:',
    linkLabel: 'Se og betal fakturaen',
    signOff,
  },
}
