// Proves a billogram's files come as JSON with base64 content: the invoice PDF once attested
// (NOT_AVAILABLE_YET before), a credit note by invoice_no, and the attached PDF, also by the
// percent-encoded path Java sends.

import { beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer } from './support/fixtures.ts'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64')

describeEachEngine('billogram files', ({ storage }) => {
  const api = useBillogramApi(storage)
  let customerNo = 0

  beforeAll(async () => {
    customerNo = await createCustomer(api)
  })

  test('the PDF of an unattested billogram is NOT_AVAILABLE_YET', async () => {
    const billogram = await createBillogram(api, customerNo)

    const response = await api.call('GET', `/billogram/${billogram.id}.pdf`)

    expect(response.status).toBe(404)
    expect(response.json).toMatchObject({
      status: 'NOT_AVAILABLE_YET',
      data: { message: expect.any(String) },
    })
  })

  test('the PDF of a sent billogram is JSON with the document in base64', async () => {
    const billogram = await createBillogram(api, customerNo, {
      on_success: { command: 'send', method: 'Email' },
    })

    const response = await api.call('GET', `/billogram/${billogram.id}.pdf`)

    expect(response.headers['content-type']).toBe('application/json')
    expect(response.json.data.file_type).toBe('application/pdf')
    expect(Buffer.from(response.json.data.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
  })

  test('invoice_no picks the credit note of a credited billogram', async () => {
    const billogram = await createBillogram(api, customerNo, {
      on_success: { command: 'send', method: 'Email' },
    })
    const credited = await api.call('POST', `/billogram/${billogram.id}/command/credit`, { mode: 'full' })
    const creditNo = credited.json.data.events.at(-1).data.invoice_no

    const invoice = await api.call('GET', `/billogram/${billogram.id}.pdf`)
    const creditNote = await api.call('GET', `/billogram/${billogram.id}.pdf?invoice_no=${creditNo}`)
    const missing = await api.call('GET', `/billogram/${billogram.id}.pdf?invoice_no=999999`)

    expect(creditNote.json.data.content).not.toBe(invoice.json.data.content)
    expect(missing.json.status).toBe('NOT_FOUND')
  })

  test('an attached PDF comes back with its file name, at both the plain and the %2F path', async () => {
    const billogram = await createBillogram(api, customerNo)

    const attached = await api.call('POST', `/billogram/${billogram.id}/command/attach`, {
      filename: 'order.pdf',
      content: PDF,
    })
    const plain = await api.call('GET', `/billogram/${billogram.id}/attachment.pdf`)
    const encoded = await api.call('GET', `/billogram/${billogram.id}%2Fattachment.pdf`)

    expect(attached.json.data.attachment).toBe('order.pdf')
    expect(plain.json.data).toEqual({ file_type: 'application/pdf', filename: 'order.pdf', content: PDF })
    expect(encoded.json.data).toEqual(plain.json.data)
  })

  test('an attachment that is not a PDF is refused naming content; none attached is NOT_FOUND', async () => {
    const billogram = await createBillogram(api, customerNo)

    const refused = await api.call('POST', `/billogram/${billogram.id}/command/attach`, {
      filename: 'x.pdf',
      content: Buffer.from('hello').toString('base64'),
    })
    const none = await api.call('GET', `/billogram/${billogram.id}/attachment.pdf`)

    expect(refused.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'content' } })
    expect(none.json.status).toBe('NOT_FOUND')
  })

  test('attachment_content on create attaches the file in the same request', async () => {
    const billogram = await createBillogram(api, customerNo, {
      attachment: 'bilaga.pdf',
      attachment_content: PDF,
    })

    expect(billogram.attachment).toBe('bilaga.pdf')
  })
})
