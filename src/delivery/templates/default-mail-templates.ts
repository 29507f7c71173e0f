// The mail Faktura sends when an organization has written none of its own: one template per kind
// and locale, all built from the phrases in ./locales through one layout, so the four languages
// cannot drift apart in structure. Placeholders are those of DEFAULT_TEMPLATE_PLACEHOLDERS.

import { da } from './locales/da.ts'
import { de } from './locales/de.ts'
import { en } from './locales/en.ts'
import { sv } from './locales/sv.ts'
import { escapeHtml, type MailTemplate } from './render-template.ts'

export const MAIL_TEMPLATE_KINDS = ['invoice', 'credit-note', 'reminder'] as const
export type MailTemplateKind = (typeof MAIL_TEMPLATE_KINDS)[number]

export const MAIL_TEMPLATE_LOCALES = ['sv', 'da', 'de', 'en'] as const
export type MailTemplateLocale = (typeof MAIL_TEMPLATE_LOCALES)[number]

/** Every placeholder the default templates use; all are display text formatted by the caller. */
export const DEFAULT_TEMPLATE_PLACEHOLDERS = [
  'organizationName',
  'recipientName',
  /** The invoice or credit note number as printed on the document. */
  'documentNumber',
  /** The amount with its currency, e.g. "1 250,00 kr": the total, the credit, or what remains due. */
  'amount',
  'dueDate',
  /** The recipient's own page for the document, where it can be viewed and paid. */
  'recipientPageUrl',
] as const
export type DefaultTemplatePlaceholder = (typeof DEFAULT_TEMPLATE_PLACEHOLDERS)[number]
export type DefaultTemplateValues = Readonly<Record<DefaultTemplatePlaceholder, string>>

export type TemplatePhrases = Readonly<{
  subject: string
  greeting: string
  paragraphs: readonly string[]
  /** The sentence introducing the link to the recipient's page. */
  linkIntro: string
  linkLabel: string
  /** Lines of the closing, e.g. ["Kind regards,", "{{organizationName}}"]. */
  signOff: readonly string[]
}>

export type LocalePhrases = Readonly<Record<MailTemplateKind, TemplatePhrases>>

const PHRASES: Readonly<Record<MailTemplateLocale, LocalePhrases>> = { sv, da, de, en }

/**
 * The default template of a kind for a locale. Accepts BCP 47 tags ("sv-SE", "de-AT") and falls
 * back to English for languages Faktura has no templates in.
 */
export function defaultMailTemplate(kind: MailTemplateKind, locale: string): MailTemplate {
  const language = resolveTemplateLocale(locale)
  const phrases = PHRASES[language][kind]
  return { subject: phrases.subject, text: textBody(phrases), html: htmlBody(phrases, language) }
}

export function resolveTemplateLocale(locale: string): MailTemplateLocale {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return (MAIL_TEMPLATE_LOCALES as readonly string[]).includes(language)
    ? (language as MailTemplateLocale)
    : 'en'
}

function textBody(phrases: TemplatePhrases): string {
  return [
    phrases.greeting,
    ...phrases.paragraphs,
    `${phrases.linkIntro}\n{{recipientPageUrl}}`,
    phrases.signOff.join('\n'),
  ].join('\n\n')
}

// Inline styles and one column: mail clients ignore <style> blocks and most layout CSS.
function htmlBody(phrases: TemplatePhrases, language: MailTemplateLocale): string {
  const paragraph = (text: string): string => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`
  const button =
    '<p style="margin:0 0 24px"><a href="{{recipientPageUrl}}" style="display:inline-block;padding:10px 18px;' +
    `background:#1f4e79;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(phrases.linkLabel)}</a></p>`
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(phrases.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222222">',
    paragraph(phrases.greeting),
    ...phrases.paragraphs.map(paragraph),
    paragraph(phrases.linkIntro),
    button,
    `<p style="margin:0">${phrases.signOff.map(escapeHtml).join('<br>')}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
