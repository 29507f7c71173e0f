// Proves mail templates fill {{placeholders}}, escape values in HTML, report unknown names, and that every default template is complete.

import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TEMPLATE_PLACEHOLDERS,
  type DefaultTemplateValues,
  defaultMailTemplate,
  MAIL_TEMPLATE_KINDS,
  MAIL_TEMPLATE_LOCALES,
  resolveTemplateLocale,
} from '../../src/delivery/templates/default-mail-templates.ts'
import {
  mapVendorPlaceholders,
  mapVendorTemplate,
  placeholdersIn,
  renderTemplate,
} from '../../src/delivery/templates/render-template.ts'

const values: DefaultTemplateValues = {
  organizationName: 'Smith & <Sons>',
  recipientName: 'Kalle "K" Anka',
  documentNumber: '1042',
  amount: '1 250,00 kr',
  dueDate: '2026-04-30',
  recipientPageUrl: 'https://faktura.example/p/abc?x=1&y=2',
}

describe('renderTemplate', () => {
  it('fills placeholders, with or without inner spaces', () => {
    const rendered = renderTemplate(
      { subject: 'Invoice {{ documentNumber }}', text: 'Due {{dueDate}}' },
      values,
    )

    expect(rendered.subject).toBe('Invoice 1042')
    expect(rendered.text).toBe('Due 2026-04-30')
    expect(rendered.unknownPlaceholders).toEqual([])
  })

  it('escapes values in the html body but not in the subject or text', () => {
    const template = {
      subject: '{{organizationName}}',
      text: '{{organizationName}}',
      html: '<b>{{organizationName}}</b>',
    }

    const rendered = renderTemplate(template, values)

    expect(rendered.subject).toBe('Smith & <Sons>')
    expect(rendered.text).toBe('Smith & <Sons>')
    expect(rendered.html).toBe('<b>Smith &amp; &lt;Sons&gt;</b>')
  })

  it('reports unknown placeholders once each and leaves them visible', () => {
    const template = {
      subject: '{{ocr}} {{documentNumber}}',
      text: '{{ocr}} {{constructor}}',
      html: '{{iban}}',
    }

    const rendered = renderTemplate(template, values)

    expect(rendered.unknownPlaceholders).toEqual(['constructor', 'iban', 'ocr'])
    expect(rendered.subject).toBe('{{ocr}} 1042')
  })

  it('lists the placeholders a text uses', () => {
    expect(placeholdersIn('{{a}} {{ b }} {{a}} {not} {{1x}}')).toEqual(['a', 'b'])
  })
})

describe('default mail templates', () => {
  for (const locale of MAIL_TEMPLATE_LOCALES) {
    for (const kind of MAIL_TEMPLATE_KINDS) {
      it(`${locale} ${kind} renders with no unknown placeholder and names the number, amount and link`, () => {
        const rendered = renderTemplate(defaultMailTemplate(kind, locale), values)

        expect(rendered.unknownPlaceholders).toEqual([])
        expect(rendered.subject).toContain('1042')
        expect(rendered.text).toContain('1 250,00 kr')
        expect(rendered.text).toContain(values.recipientPageUrl)
        expect(rendered.html).toContain('href="https://faktura.example/p/abc?x=1&amp;y=2"')
        expect(rendered.html).toContain(`<html lang="${locale}">`)
      })
    }
  }

  it('mentions the due date in invoices and reminders', () => {
    for (const locale of MAIL_TEMPLATE_LOCALES) {
      for (const kind of ['invoice', 'reminder'] as const) {
        expect(renderTemplate(defaultMailTemplate(kind, locale), values).text).toContain('2026-04-30')
      }
    }
  })

  it('uses only the documented placeholders', () => {
    const used = new Set(
      MAIL_TEMPLATE_LOCALES.flatMap((locale) =>
        MAIL_TEMPLATE_KINDS.flatMap((kind) => {
          const template = defaultMailTemplate(kind, locale)
          return placeholdersIn(`${template.subject} ${template.text} ${template.html}`)
        }),
      ),
    )

    expect([...used].sort()).toEqual([...DEFAULT_TEMPLATE_PLACEHOLDERS].sort())
  })

  it('resolves regional tags to their language and unknown languages to English', () => {
    expect(resolveTemplateLocale('sv-SE')).toBe('sv')
    expect(resolveTemplateLocale('de_AT')).toBe('de')
    expect(resolveTemplateLocale('DA')).toBe('da')
    expect(resolveTemplateLocale('fi-FI')).toBe('en')
    expect(defaultMailTemplate('invoice', 'nb').subject).toBe(defaultMailTemplate('invoice', 'en').subject)
  })
})

describe('mapVendorPlaceholders', () => {
  const billomat = {
    pattern: /\[([A-Za-z_.]+)\]/g,
    keys: { 'Invoice.invoice_number': 'documentNumber', 'Invoice.due_date': 'dueDate' },
  }

  it('rewrites vendor placeholders into Faktura placeholders', () => {
    const mapped = mapVendorPlaceholders(
      'Rechnung [Invoice.invoice_number], fällig [Invoice.due_date]',
      billomat,
    )

    expect(mapped.text).toBe('Rechnung {{documentNumber}}, fällig {{dueDate}}')
    expect(renderTemplate({ subject: mapped.text, text: '' }, values).subject).toBe(
      'Rechnung 1042, fällig 2026-04-30',
    )
  })

  it('reports vendor placeholders it has no name for and leaves them as written', () => {
    const mapped = mapVendorPlaceholders('[Client.name] [Invoice.due_date] [Client.name]', billomat)

    expect(mapped.unmapped).toEqual(['Client.name'])
    expect(mapped.text).toBe('[Client.name] {{dueDate}} [Client.name]')
  })

  it('maps every part of a template', () => {
    const template = {
      subject: '[Invoice.invoice_number]',
      text: '[Invoice.due_date]',
      html: '<p>[Nope]</p>',
    }

    const mapped = mapVendorTemplate(template, billomat)

    expect(mapped.template).toEqual({
      subject: '{{documentNumber}}',
      text: '{{dueDate}}',
      html: '<p>[Nope]</p>',
    })
    expect(mapped.unmapped).toEqual(['Nope'])
  })

  it('refuses a pattern without the g flag', () => {
    expect(() => mapVendorPlaceholders('x', { pattern: /\[(\w+)\]/, keys: {} })).toThrow(/g flag/)
  })
})
