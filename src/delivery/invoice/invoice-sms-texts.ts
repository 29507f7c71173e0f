// The SMS sent with an invoice when the sender wrote none: one line per kind and language, in
// the {{placeholder}} syntax of the mail templates. Each stays within the GSM 7-bit alphabet
// (å ä ö ü ß are in it), so a typical text travels as one or two parts, not as UCS-2.

import type { DocumentKind } from '../../documents/invoice-document-view.ts'
import { type MailTemplateLocale, resolveTemplateLocale } from '../templates/default-mail-templates.ts'

type SmsTexts = Readonly<{ invoice: string; creditNote: string; reminder: string }>

const SMS_TEXTS: Readonly<Record<MailTemplateLocale, SmsTexts>> = {
  sv: {
    invoice:
      'Faktura {{documentNumber}} från {{organizationName}} på {{amount}}, förfallodag {{dueDate}}. Se och betala: {{recipientPageUrl}}',
    creditNote:
      'Kreditfaktura {{documentNumber}} från {{organizationName}} på {{amount}}. Se den här: {{recipientPageUrl}}',
    reminder:
      'Påminnelse: faktura {{documentNumber}} från {{organizationName}} är obetald, {{amount}} att betala. Se och betala: {{recipientPageUrl}}',
  },
  da: {
    invoice:
      'Faktura {{documentNumber}} fra {{organizationName}} på {{amount}}, forfalder {{dueDate}}. Se og betal: {{recipientPageUrl}}',
    creditNote:
      'Kreditnota {{documentNumber}} fra {{organizationName}} på {{amount}}. Se den her: {{recipientPageUrl}}',
    reminder:
      'Rykker: faktura {{documentNumber}} fra {{organizationName}} er ikke betalt, {{amount}} at betale. Se og betal: {{recipientPageUrl}}',
  },
  de: {
    invoice:
      'Rechnung {{documentNumber}} von {{organizationName}} über {{amount}}, fällig am {{dueDate}}. Ansehen und bezahlen: {{recipientPageUrl}}',
    creditNote:
      'Gutschrift {{documentNumber}} von {{organizationName}} über {{amount}}. Ansehen: {{recipientPageUrl}}',
    reminder:
      'Zahlungserinnerung: Rechnung {{documentNumber}} von {{organizationName}} ist offen, {{amount}} zu zahlen. Ansehen und bezahlen: {{recipientPageUrl}}',
  },
  en: {
    invoice:
      'Invoice {{documentNumber}} from {{organizationName}} for {{amount}}, due {{dueDate}}. View and pay: {{recipientPageUrl}}',
    creditNote:
      'Credit note {{documentNumber}} from {{organizationName}} for {{amount}}. View it: {{recipientPageUrl}}',
    reminder:
      'Reminder: invoice {{documentNumber}} from {{organizationName}} is unpaid, {{amount}} to pay. View and pay: {{recipientPageUrl}}',
  },
}

export function defaultSmsText(kind: DocumentKind, locale: string): string {
  const texts = SMS_TEXTS[resolveTemplateLocale(locale)]
  if (kind === 'reminder') return texts.reminder
  return kind === 'credit-note' ? texts.creditNote : texts.invoice
}
