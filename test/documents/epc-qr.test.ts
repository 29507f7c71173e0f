// Proves the EPC069-12 v002 payload line by line, the limits it enforces (name, amount, IBAN and RF
// check digits, text lengths, total bytes), and that the largest payload still fits QR version 13.

import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { type EpcQrInput, epcAmount, epcQrPayload, renderQrPng } from '../../src/documents/epc-qr.ts'
import { isValidIban, isValidRfReference } from '../../src/documents/iso7064.ts'
import { DomainError } from '../../src/domain/errors.ts'

const BASE: EpcQrInput = {
  bic: 'COBADEFFXXX',
  name: 'Müller & Söhne GmbH',
  iban: 'DE89370400440532013000',
  amountMinor: 163432n,
  remittance: { kind: 'rf', reference: 'RF18539007547034' },
}

function refusal(input: EpcQrInput): DomainError {
  try {
    epcQrPayload(input)
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('epcQrPayload', () => {
  it('writes service tag, version, UTF-8, SCT, BIC, name, IBAN, amount, empty purpose and the RF reference', () => {
    const lines = epcQrPayload(BASE).split('\n')

    expect(lines).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'COBADEFFXXX',
      'Müller & Söhne GmbH',
      'DE89370400440532013000',
      'EUR1634.32',
      '',
      'RF18539007547034',
    ])
  })

  it('puts free text on the unstructured line and leaves the reference line empty', () => {
    const lines = epcQrPayload({ ...BASE, remittance: { kind: 'text', text: 'Rechnung 2026-0042' } }).split(
      '\n',
    )

    expect(lines[9]).toBe('')
    expect(lines[10]).toBe('Rechnung 2026-0042')
    expect(lines).toHaveLength(11)
  })

  it('leaves the BIC line empty when there is none, as version 002 allows', () => {
    const { bic: _bic, ...withoutBic } = BASE

    expect(epcQrPayload(withoutBic).split('\n')[4]).toBe('')
  })

  it('writes the note as the twelfth line', () => {
    const lines = epcQrPayload({ ...BASE, note: 'Danke!' }).split('\n')

    expect(lines).toHaveLength(12)
    expect(lines[10]).toBe('')
    expect(lines[11]).toBe('Danke!')
  })

  it('compacts IBAN, BIC and RF reference written with spaces and in lower case', () => {
    const lines = epcQrPayload({
      ...BASE,
      bic: 'coba de ff xxx',
      iban: 'de89 3704 0044 0532 0130 00',
      remittance: { kind: 'rf', reference: 'rf18 5390 0754 7034' },
    }).split('\n')

    expect([lines[4], lines[6], lines[9]]).toEqual([
      'COBADEFFXXX',
      'DE89370400440532013000',
      'RF18539007547034',
    ])
  })

  it('accepts a name of exactly 70 characters and refuses 71', () => {
    expect(epcQrPayload({ ...BASE, name: 'ä'.repeat(70) }).split('\n')[5]).toBe('ä'.repeat(70))
    expect(refusal({ ...BASE, name: 'a'.repeat(71) }).details.field).toBe('name')
  })

  it('refuses an empty name', () => {
    expect(refusal({ ...BASE, name: '  ' }).details.field).toBe('name')
  })

  it('refuses a line break inside a field', () => {
    expect(refusal({ ...BASE, name: 'Evil\nDE00' }).details.field).toBe('name')
    expect(refusal({ ...BASE, remittance: { kind: 'text', text: 'a\r\nb' } }).details.field).toBe(
      'remittance.text',
    )
  })

  it('refuses an IBAN whose check digits are wrong', () => {
    expect(refusal({ ...BASE, iban: 'DE88370400440532013000' }).details.field).toBe('iban')
  })

  it('refuses a malformed BIC', () => {
    expect(refusal({ ...BASE, bic: 'COBA1EFF' }).details.field).toBe('bic')
  })

  it('refuses an RF reference whose check digits are wrong', () => {
    const error = refusal({ ...BASE, remittance: { kind: 'rf', reference: 'RF19539007547034' } })

    expect(error.code).toBe('invalid_field')
    expect(error.details.field).toBe('remittance.reference')
  })

  it('accepts 140 characters of text and refuses 141', () => {
    expect(() => epcQrPayload({ ...BASE, remittance: { kind: 'text', text: 'x'.repeat(140) } })).not.toThrow()
    expect(refusal({ ...BASE, remittance: { kind: 'text', text: 'x'.repeat(141) } }).details.field).toBe(
      'remittance.text',
    )
  })

  it('refuses a payload over 331 bytes even when every field is within its own limit', () => {
    const input: EpcQrInput = {
      ...BASE,
      name: 'ü'.repeat(70),
      remittance: { kind: 'text', text: 'ü'.repeat(140) },
    }

    expect(refusal(input).details.field).toBe('remittance')
  })

  it('keeps a payload of the full 331 bytes within QR version 13 at error correction M', () => {
    const fields = { ...BASE, name: 'n'.repeat(70), note: 'o'.repeat(70) }
    const withoutText =
      Buffer.byteLength(epcQrPayload({ ...fields, remittance: { kind: 'text', text: 't' } })) - 1
    const text = 't'.repeat(331 - withoutText)
    const payload = epcQrPayload({ ...fields, remittance: { kind: 'text', text } })
    const symbol = create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], {
      errorCorrectionLevel: 'M',
    })

    expect(Buffer.byteLength(payload)).toBe(331)
    expect(symbol.version).toBeLessThanOrEqual(13)
    expect(() => epcQrPayload({ ...fields, remittance: { kind: 'text', text: `${text}t` } })).toThrow(
      DomainError,
    )
  })
})

describe('epcAmount', () => {
  it('writes euro with a point and two decimals', () => {
    expect(epcAmount(1n)).toBe('EUR0.01')
    expect(epcAmount(100n)).toBe('EUR1.00')
    expect(epcAmount(123456n)).toBe('EUR1234.56')
    expect(epcAmount(99_999_999_999n)).toBe('EUR999999999.99')
  })

  it('refuses zero, negative amounts and anything above 999999999.99', () => {
    for (const amountMinor of [0n, -1n, 100_000_000_000n]) {
      expect(() => epcAmount(amountMinor)).toThrow(DomainError)
    }
  })
})

describe('ISO 7064 check digits', () => {
  it('accepts real IBANs from the countries we invoice in', () => {
    for (const iban of [
      'SE4550000000058398257466',
      'DK5000400440116243',
      'NO9386011117947',
      'FI2112345600000785',
      'GB82 WEST 1234 5698 7654 32',
      'IE29AIBK93115212345678',
    ]) {
      expect(isValidIban(iban), iban).toBe(true)
    }
  })

  it('refuses an IBAN with one digit changed, or with letters where digits belong', () => {
    expect(isValidIban('SE4550000000058398257467')).toBe(false)
    expect(isValidIban('SEXX50000000058398257466')).toBe(false)
  })

  it('checks RF creditor references the same way', () => {
    expect(isValidRfReference('RF18 5390 0754 7034')).toBe(true)
    expect(isValidRfReference('RF18539007547035')).toBe(false)
    expect(isValidRfReference('RF18')).toBe(false)
  })
})

describe('renderQrPng', () => {
  it('hands out a copy of a remembered code, so that one caller cannot spoil it for the next', async () => {
    const payload = epcQrPayload(BASE)
    const first = await renderQrPng(payload)
    const pristine = Buffer.from(first)

    first.fill(0)

    expect((await renderQrPng(payload)).equals(pristine)).toBe(true)
  })
})
