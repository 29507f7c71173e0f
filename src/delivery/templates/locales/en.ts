// English mail phrases, also the fallback for languages without their own.

import type { LocalePhrases } from '../default-mail-templates.ts'

const signOff = ['Kind regards,', '{{organizationName}}']

export const en: LocalePhrases = {
  invoice: {
    subject: 'Invoice {{documentNumber}} from {{organizationName}}',
    greeting: 'Hello {{recipientName}},',
    paragraphs: ['Please find attached invoice {{documentNumber}} for {{amount}}, due on {{dueDate}}.'],
    linkIntro: 'You can view and pay the invoice online:',
    linkLabel: 'View invoice',
    signOff,
  },
  'credit-note': {
    subject: 'Credit note {{documentNumber}} from {{organizationName}}',
    greeting: 'Hello {{recipientName}},',
    paragraphs: ['Please find attached credit note {{documentNumber}} for {{amount}}.'],
    linkIntro: 'You can view the credit note online:',
    linkLabel: 'View credit note',
    signOff,
  },
  reminder: {
    subject: 'Reminder: invoice {{documentNumber}} from {{organizationName}}',
    greeting: 'Hello {{recipientName}},',
    paragraphs: [
      'According to our records, invoice {{documentNumber}} for {{amount}}, due on {{dueDate}}, has not been paid yet.',
      'Please pay it at your earliest convenience. If you have already paid, please disregard this reminder.',
    ],
    linkIntro: 'You can view and pay the invoice online:',
    linkLabel: 'View and pay invoice',
    signOff,
  },
}
