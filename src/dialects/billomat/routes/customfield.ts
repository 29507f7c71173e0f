// `GET|PUT /{resource}/{id}/customfield` (§1.10): a client's own metadata on a document, client
// or article, answered as `{"<resource>": {"customfield": "…"}}`. A document's customfield is
// not part of its financial record, so it may change after completion.

import type { FastifyReply, FastifyRequest } from 'fastify'
import { updateContact } from '../../../core/contacts/update-contact.ts'
import { setInvoiceExtra } from '../../../core/invoices/set-invoice-extra.ts'
import { updateProduct } from '../../../core/products/update-product.ts'
import { contactByNo, invoiceBySeq, pathId, productBySeq } from '../ids.ts'
import { readText } from '../wire/read.ts'
import { sendRecord } from '../wire/reply.ts'
import { record, str } from '../wire/tree.ts'
import { bodyOf, type Routes, tenant } from './kit.ts'

type Extra = Readonly<Record<string, unknown>>

const billomatOf = (extra: Extra) => (extra.billomat ?? {}) as Record<string, string>

function answer(request: FastifyRequest, reply: FastifyReply, element: string, extra: Extra) {
  return sendRecord(request, reply, record(element, [str('customfield', billomatOf(extra).customfield)]))
}

function given(request: FastifyRequest): string {
  return readText(bodyOf(request, ['customfield']), 'customfield', 10_000) ?? ''
}

export const customfieldRoutes: Routes = (app, services) => {
  const core = services.core
  for (const [path, element, kind] of [
    ['invoices', 'invoice', 'invoice'],
    ['credit-notes', 'credit-note', 'credit_note'],
  ] as const) {
    const load = (request: FastifyRequest) =>
      invoiceBySeq(core, tenant(request), pathId(request, element), kind)
    app.get(`/${path}/:id/customfield`, async (request, reply) =>
      answer(request, reply, element, (await load(request)).extra),
    )
    app.put(`/${path}/:id/customfield`, async (request, reply) => {
      const document = await load(request)
      const value = given(request)
      const updated = await setInvoiceExtra(core, tenant(request), document.invoiceId, (current) => ({
        ...current.extra,
        billomat: { ...billomatOf(current.extra), customfield: value },
      }))
      return answer(request, reply, element, updated.extra)
    })
  }
  app.get('/clients/:id/customfield', async (request, reply) =>
    answer(
      request,
      reply,
      'client',
      (await contactByNo(core, tenant(request), pathId(request, 'client'))).extra,
    ),
  )
  app.put('/clients/:id/customfield', async (request, reply) => {
    const contact = await contactByNo(core, tenant(request), pathId(request, 'client'))
    const updated = await updateContact(core, tenant(request), contact.contactId, {
      extra: { billomat: { ...billomatOf(contact.extra), customfield: given(request) } },
    })
    return answer(request, reply, 'client', updated.extra)
  })
  app.get('/articles/:id/customfield', async (request, reply) =>
    answer(
      request,
      reply,
      'article',
      (await productBySeq(core, tenant(request), pathId(request, 'article'))).extra,
    ),
  )
  app.put('/articles/:id/customfield', async (request, reply) => {
    const product = await productBySeq(core, tenant(request), pathId(request, 'article'))
    const updated = await updateProduct(core, tenant(request), product.productId, {
      extra: { billomat: { ...billomatOf(product.extra), customfield: given(request) } },
    })
    return answer(request, reply, 'article', updated.extra)
  })
}
