// Proves Billy's files and attachments on both engines: a raw upload (the body is the file, named
// by X-Filename) is kept byte for byte and downloaded again, attached to an invoice, a bill or a
// daybook transaction and included with it, filed at once with x-create-attachment, refused
// without a name or with an unknown owner, and deleted with its attachments.

import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { type BillyWorld, createBillyWorld, PREFIX, trialBalanceMinor } from './billy-app.ts'

const PDF = Buffer.from('%PDF-1.4\n% a receipt\n%%EOF\n', 'latin1')

describeEachEngine('billy files and attachments', ({ storage }) => {
  let world: BillyWorld
  let invoiceId: string
  let productId: string
  beforeAll(async () => {
    world = await createBillyWorld(storage())
    const contact = await world.client.post('/contacts', { contact: { name: 'Kunde ApS', countryId: 'DK' } })
    const product = await world.client.post('/products', {
      product: { name: 'Vare', prices: [{ unitPrice: 100, currencyId: 'DKK' }] },
    })
    productId = product.json().products[0].id
    const invoice = await world.client.post('/invoices', {
      invoice: {
        contactId: contact.json().contacts[0].id,
        entryDate: '2026-10-01',
        lines: [{ productId: product.json().products[0].id }],
      },
    })
    invoiceId = invoice.json().invoices[0].id
  })
  afterAll(async () => world.app.close())
  afterEach(async () => {
    expect(await trialBalanceMinor(storage(), world.tenant.organizationId)).toBe(0n)
  })

  function upload(body: Buffer | string, headers: Record<string, string>) {
    return world.app.inject({
      method: 'POST',
      url: `${PREFIX}/files`,
      headers: { 'x-access-token': world.token, ...headers },
      payload: body,
    })
  }

  test('a raw upload is kept byte for byte and downloaded from its downloadUrl', async () => {
    const response = await upload(PDF, { 'content-type': 'application/pdf', 'x-filename': 'kvittering.pdf' })

    expect(response.statusCode).toBe(200)
    const [file] = response.json().files
    expect(file).toMatchObject({
      fileName: 'kvittering.pdf',
      fileSize: PDF.length,
      isPdf: true,
      isImage: false,
    })
    const download = await world.app.inject({
      method: 'GET',
      url: new URL(file.downloadUrl).pathname,
      headers: { 'x-access-token': world.token },
    })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.rawPayload.equals(PDF)).toBe(true)
  })

  test('a JSON file is uploaded as a file, not read as a request', async () => {
    const response = await upload('{"a": 1}', {
      'content-type': 'application/json',
      'x-filename': 'data.json',
    })

    expect(response.statusCode).toBe(200)
    expect(response.json().files[0]).toMatchObject({
      fileName: 'data.json',
      fileSize: 8,
      fileType: 'application/json',
    })
  })

  test('a file attached to an invoice is included with it', async () => {
    const file = (await upload(PDF, { 'content-type': 'application/pdf', 'x-filename': 'bilag.pdf' })).json()
      .files[0]

    const attached = await world.client.post('/attachments', {
      attachment: { ownerReference: `invoice:${invoiceId}`, fileId: file.id },
    })
    const invoice = await world.client.get(`/invoices/${invoiceId}?include=invoice.attachments:embed`)

    expect(attached.statusCode).toBe(200)
    expect(invoice.json().invoice.attachments).toEqual([
      expect.objectContaining({ fileId: file.id, ownerReference: `invoice:${invoiceId}` }),
    ])
  })

  test('x-create-attachment files the upload in the organization’s inbox at once', async () => {
    const response = await upload(PDF, {
      'content-type': 'application/pdf',
      'x-filename': 'indbakke.pdf',
      'x-create-attachment': 'true',
    })

    expect(response.json().attachments).toEqual([
      expect.objectContaining({
        fileId: response.json().files[0].id,
        ownerReference: `organization:${world.tenant.organizationId}`,
      }),
    ])
  })

  test('an upload without a name, an empty one and an unknown owner are 422', async () => {
    const unnamed = await upload(PDF, { 'content-type': 'application/pdf' })
    const empty = await upload('', { 'content-type': 'application/pdf', 'x-filename': 'tom.pdf' })
    const file = (await upload(PDF, { 'content-type': 'application/pdf', 'x-filename': 'x.pdf' })).json()
      .files[0]
    const orphan = await world.client.post('/attachments', {
      attachment: { ownerReference: 'bill:no-such-bill', fileId: file.id },
    })

    expect(unnamed.statusCode).toBe(422)
    expect(empty.statusCode).toBe(422)
    expect(orphan.statusCode).toBe(422)
    expect(orphan.json().validationErrors.attachment.attributes).toHaveProperty('ownerReference')
  })

  test('bulk deleting a file deletes its attachments; a single DELETE answers 405', async () => {
    const file = (await upload(PDF, { 'content-type': 'application/pdf', 'x-filename': 'slet.pdf' })).json()
      .files[0]
    const attachment = (
      await world.client.post('/attachments', {
        attachment: { ownerReference: `invoice:${invoiceId}`, fileId: file.id },
      })
    ).json().attachments[0]

    const single = await world.client.delete(`/files/${file.id}`)
    const bulk = await world.client.delete(`/files?ids[]=${file.id}`)

    expect(single.statusCode).toBe(405)
    expect(bulk.json().meta.deletedRecords).toEqual({ files: [file.id], attachments: [attachment.id] })
    expect((await world.client.get(`/attachments/${attachment.id}`)).statusCode).toBe(404)
  })

  test('the OpenAPI document describes the upload as the raw file with its name in X-Filename', async () => {
    const response = await world.client.get('/openapi.json')

    const post = response.json().paths['/files'].post
    expect(post.parameters).toEqual([expect.objectContaining({ name: 'X-Filename', in: 'header' })])
    expect(post.requestBody.content['*/*'].schema).toEqual({ type: 'string', format: 'binary' })
  })

  test('deleting a draft takes its attachments with it and keeps the file', async () => {
    const contactId = (await world.client.get(`/invoices/${invoiceId}`)).json().invoice.contactId
    const draft = await world.client.post('/invoices', {
      invoice: { contactId, entryDate: '2026-10-02', lines: [{ productId }] },
    })
    const draftId = draft.json().invoices[0].id
    const file = (await upload(PDF, { 'content-type': 'application/pdf', 'x-filename': 'kladde.pdf' })).json()
      .files[0]
    const attachment = (
      await world.client.post('/attachments', {
        attachment: { ownerReference: `invoice:${draftId}`, fileId: file.id },
      })
    ).json().attachments[0]

    const deleted = await world.client.delete(`/invoices/${draftId}`)

    expect(deleted.json().meta.deletedRecords.attachments).toEqual([attachment.id])
    expect((await world.client.get(`/files/${file.id}`)).statusCode).toBe(200)
  })

  test('attachments saved embedded in an invoice replace its attachments, even once approved', async () => {
    const contactId = (await world.client.get(`/invoices/${invoiceId}`)).json().invoice.contactId
    const first = (await upload(PDF, { 'content-type': 'application/pdf', 'x-filename': 'a.pdf' })).json()
      .files[0]
    const second = (await upload(PDF, { 'content-type': 'application/pdf', 'x-filename': 'b.pdf' })).json()
      .files[0]

    const created = await world.client.post('/invoices', {
      invoice: {
        contactId,
        entryDate: '2026-10-03',
        state: 'approved',
        lines: [{ productId }],
        attachments: [{ fileId: first.id, _clientId: 'a' }],
      },
    })
    const id = created.json().invoices[0].id
    const replaced = await world.client.put(`/invoices/${id}`, {
      invoice: { attachments: [{ fileId: second.id }] },
    })
    const included = await world.client.get(`/invoices/${id}?include=invoice.attachments:embed`)

    expect(created.statusCode).toBe(200)
    expect(created.json().attachments).toEqual([
      expect.objectContaining({ fileId: first.id, _clientId: 'a' }),
    ])
    expect(replaced.json().meta.deletedRecords.attachments).toEqual([created.json().attachments[0].id])
    expect(included.json().invoice.attachments.map((a: { fileId: string }) => a.fileId)).toEqual([second.id])
  })

  test('a daybook transaction is created with its attachments; an unknown file is 422', async () => {
    const accounts = (await world.client.get('/accounts?accountNo=5720')).json().accounts
    const sales = (await world.client.get('/accounts?accountNo=1110')).json().accounts
    const file = (await upload(PDF, { 'content-type': 'application/pdf', 'x-filename': 'bon.pdf' })).json()
      .files[0]
    const body = (fileId: string) => ({
      daybookTransaction: {
        entryDate: '2026-10-04',
        description: 'Kontantsalg',
        lines: [{ accountId: accounts[0].id, contraAccountId: sales[0].id, amount: 100, side: 'debit' }],
        attachments: [{ fileId }],
      },
    })

    const created = await world.client.post('/daybookTransactions', body(file.id))
    const unknown = await world.client.post('/daybookTransactions', body('no-such-file'))

    expect(created.statusCode).toBe(200)
    expect(created.json().attachments[0]).toMatchObject({
      fileId: file.id,
      ownerReference: `daybookTransaction:${created.json().daybookTransactions[0].id}`,
    })
    expect(unknown.statusCode).toBe(422)
    await world.client.delete(`/daybookTransactions/${created.json().daybookTransactions[0].id}`)
  })
})
