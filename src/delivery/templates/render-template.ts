// Faktura's own placeholder syntax for mail templates: `{{name}}`. One syntax in the core; each
// dialect translates its vendor's placeholders into it (mapVendorPlaceholders) and the core fills
// in the values. Values are plain text: escaped in HTML bodies, verbatim in subject and text.

export type MailTemplate = Readonly<{
  subject: string
  text: string
  html?: string
}>

/** Display text per placeholder name, already formatted for the recipient's locale. */
export type TemplateValues = Readonly<Record<string, string>>

export type RenderedTemplate = MailTemplate &
  Readonly<{
    /**
     * Placeholders with no value, sorted and without repeats. They are left in the output as
     * written, so that a caller that goes on anyway sends a visible gap, not a silent one.
     */
    unknownPlaceholders: readonly string[]
  }>

const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}\}/g

export function renderTemplate(template: MailTemplate, values: TemplateValues): RenderedTemplate {
  const unknown = new Set<string>()
  const fill = (text: string, encode: (value: string) => string): string =>
    text.replace(PLACEHOLDER_PATTERN, (placeholder, name: string) => {
      if (Object.hasOwn(values, name)) return encode(values[name] as string)
      unknown.add(name)
      return placeholder
    })
  const verbatim = (value: string): string => value
  return {
    subject: fill(template.subject, verbatim),
    text: fill(template.text, verbatim),
    ...(template.html === undefined ? {} : { html: fill(template.html, escapeHtml) }),
    unknownPlaceholders: [...unknown].sort(),
  }
}

/** The distinct placeholder names a text uses, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER_PATTERN), (match) => match[1] as string))]
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] as string)
}

export type VendorPlaceholderMapping = Readonly<{
  /** Matches one vendor placeholder; it must be global and capture the vendor's name in group 1. */
  pattern: RegExp
  /** Vendor name (as captured) to Faktura placeholder name. */
  keys: Readonly<Record<string, string>>
}>

export type MappedText = Readonly<{
  text: string
  /** Vendor placeholders without a Faktura name, left as written; sorted, without repeats. */
  unmapped: readonly string[]
}>

/**
 * Rewrites a vendor's placeholders into `{{name}}`, e.g. Billomat's `[Invoice.due_date]` with
 * `{ pattern: /\[([A-Za-z_.]+)\]/g, keys: { 'Invoice.due_date': 'dueDate' } }`.
 */
export function mapVendorPlaceholders(text: string, mapping: VendorPlaceholderMapping): MappedText {
  if (!mapping.pattern.global) throw new Error('the vendor placeholder pattern must have the g flag')
  const unmapped = new Set<string>()
  const mapped = text.replace(mapping.pattern, (placeholder, vendorName: unknown) => {
    if (typeof vendorName !== 'string') throw new Error('the vendor placeholder pattern must capture a name')
    if (Object.hasOwn(mapping.keys, vendorName)) return `{{${mapping.keys[vendorName]}}}`
    unmapped.add(vendorName)
    return placeholder
  })
  return { text: mapped, unmapped: [...unmapped].sort() }
}

/** mapVendorPlaceholders over every part of a template. */
export function mapVendorTemplate(
  template: MailTemplate,
  mapping: VendorPlaceholderMapping,
): Readonly<{ template: MailTemplate; unmapped: readonly string[] }> {
  const subject = mapVendorPlaceholders(template.subject, mapping)
  const text = mapVendorPlaceholders(template.text, mapping)
  const html = template.html === undefined ? undefined : mapVendorPlaceholders(template.html, mapping)
  const unmapped = new Set([...subject.unmapped, ...text.unmapped, ...(html?.unmapped ?? [])])
  return {
    template: { subject: subject.text, text: text.text, ...(html ? { html: html.text } : {}) },
    unmapped: [...unmapped].sort(),
  }
}
