// Proves the billogram lifecycle commands: each reaches its state and event, and each is refused
// with INVALID_OBJECT_STATE in a state where it does not apply.

import { beforeAll, expect, test } from 'vitest'
import { describeEachEngine } from '../../support/engines.ts'
import { useBillogramApi } from './support/billogram-api.ts'
import { createBillogram, createCustomer, eventTypes } from './support/fixtures.ts'

describeEachEngine('billogram commands', ({ storage }) => {
  const api = useBillogramApi(storage)
  let customerNo = 0
  const command = (id: string, name: string, body?: unknown, headers?: Record<string, string>) =>
    api.call('POST', `/billogram/${id}/command/${name}`, body, headers)
  const sent = async () =>
    createBillogram(api, customerNo, { on_success: { command: 'send', method: 'Email' } })

  beforeAll(async () => {
    customerNo = await createCustomer(api)
  })

  test('send attests an unattested billogram; sending again is INVALID_OBJECT_STATE', async () => {
    const billogram = await createBillogram(api, customerNo)

    const first = await command(billogram.id, 'send', { method: 'Email+Letter' })
    const second = await command(billogram.id, 'send', { method: 'Email' })

    expect(first.json.data).toMatchObject({ state: 'Unpaid', delivery_method: 'Email+Letter' })
    expect(eventTypes(first.json.data)).toEqual(['BillogramCreated', 'BillogramSent'])
    expect(second.status).toBe(400)
    expect(second.json.status).toBe('INVALID_OBJECT_STATE')
  })

  test('send by SMS and SMS+Letter uses the customer mobile number', async () => {
    const sms = await command((await createBillogram(api, customerNo)).id, 'send', { method: 'SMS' })
    const smsLetter = await command((await createBillogram(api, customerNo)).id, 'send', {
      method: 'SMS+Letter',
    })

    expect(sms.json.data.delivery_method).toBe('SMS')
    expect(smsLetter.json.data.delivery_method).toBe('SMS+Letter')
  })

  test('Efaktura and EDI are refused as PERMISSION_DENIED, an unknown method as INVALID_PARAMETER', async () => {
    const billogram = await createBillogram(api, customerNo)

    const efaktura = await command(billogram.id, 'send', { method: 'Efaktura' })
    const edi = await command(billogram.id, 'send', { method: 'EDI' })
    const pigeon = await command(billogram.id, 'send', { method: 'Pigeon' })
    const still = await api.call('GET', `/billogram/${billogram.id}`)

    expect(efaktura.status).toBe(403)
    expect(efaktura.json).toMatchObject({ status: 'PERMISSION_DENIED', data: { field: 'method' } })
    expect(efaktura.json.data.message).toContain('e-invoicing')
    expect(edi.json.status).toBe('PERMISSION_DENIED')
    expect(pigeon.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'method' } })
    expect(still.json.data.state).toBe('Unattested')
  })

  test('a letter to a customer without an address is refused naming the address, and nothing is attested', async () => {
    const homeless = await createCustomer(api, { address: null, name: 'Utan Adress AB' })
    const billogram = await createBillogram(api, homeless)

    const response = await command(billogram.id, 'send', { method: 'Letter' })
    const still = await api.call('GET', `/billogram/${billogram.id}`)

    expect(response.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'address', field_path: ['customer'] },
    })
    expect(still.json.data).toMatchObject({ state: 'Unattested', invoice_no: null })
  })

  test('resend accepts a null, empty or absent body and resends by the last method', async () => {
    const billogram = await sent()

    const nullBody = await command(billogram.id, 'resend', 'null')
    const emptyObject = await command(billogram.id, 'resend', {})
    const noBody = await command(billogram.id, 'resend')

    expect(nullBody.status).toBe(200)
    expect(emptyObject.status).toBe(200)
    expect(eventTypes(noBody.json.data).filter((type) => type === 'Resent')).toHaveLength(3)
    expect(noBody.json.data.events.at(-1).data.delivery_method).toBe('Email')
  })

  test('resend of an unattested billogram is INVALID_OBJECT_STATE', async () => {
    const response = await command((await createBillogram(api, customerNo)).id, 'resend', null)

    expect(response.json.status).toBe('INVALID_OBJECT_STATE')
  })

  test('a partial payment leaves it PartlyPaid; the rest makes it Paid with BillogramEnded', async () => {
    const billogram = await sent()

    const partly = await command(billogram.id, 'payment', { amount: 250.5 })
    const rest = await command(billogram.id, 'payment', { amount: '999.50' })

    expect(partly.json.data).toMatchObject({
      state: 'PartlyPaid',
      remaining_sum: 999.5,
      flags: ['partly paid'],
    })
    expect(rest.json.data).toMatchObject({
      state: 'Paid',
      remaining_sum: 0,
      detailed_sums: { paid_sum: -1250 },
    })
    expect(eventTypes(rest.json.data).slice(-3)).toEqual(['Payment', 'Payment', 'BillogramEnded'])
    expect(rest.json.data.events.at(-2).data).toMatchObject({ amount: 999.5, manual: true, remaining_sum: 0 })
  })

  test('a payment on an unattested billogram is INVALID_OBJECT_STATE', async () => {
    const response = await command((await createBillogram(api, customerNo)).id, 'payment', { amount: 10 })

    expect(response.json.status).toBe('INVALID_OBJECT_STATE')
  })

  test('a payment amount must be positive and in whole öre', async () => {
    const billogram = await sent()

    const zero = await command(billogram.id, 'payment', { amount: 0 })
    const fraction = await command(billogram.id, 'payment', { amount: 1.005 })
    const missing = await command(billogram.id, 'payment', null)

    expect(zero.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'amount' } })
    expect(fraction.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'amount' } })
    expect(missing.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'amount' } })
  })

  test('credit full makes it Credited with nothing remaining; again is INVALID_OBJECT_STATE', async () => {
    const billogram = await sent()

    const credited = await command(billogram.id, 'credit', { mode: 'full' })
    const again = await command(billogram.id, 'credit', { mode: 'full' })

    expect(credited.json.data).toMatchObject({ state: 'Credited', remaining_sum: 0, total_sum: 1250 })
    expect(credited.json.data.detailed_sums.credited_sum).toBe(1250)
    expect(eventTypes(credited.json.data).at(-1)).toBe('Credit')
    expect(again.json.status).toBe('INVALID_OBJECT_STATE')
  })

  test('credit amount lowers what remains, then credit remaining ends it', async () => {
    const billogram = await sent()

    const partial = await command(billogram.id, 'credit', { mode: 'amount', amount: 250 })
    const remaining = await command(billogram.id, 'credit', {
      mode: 'remaining',
      amount: null,
      method: 'DoNotNotify',
    })

    expect(partial.json.data).toMatchObject({ state: 'Unpaid', remaining_sum: 1000 })
    expect(remaining.json.data).toMatchObject({ state: 'Credited', remaining_sum: 0 })
  })

  test('credit items takes negative counts of named items and refuses positive ones', async () => {
    const billogram = await sent()

    const positive = await command(billogram.id, 'credit', {
      mode: 'items',
      items: [{ title: 'Konsult', count: 1 }],
    })
    const credited = await command(billogram.id, 'credit', {
      mode: 'items',
      items: [{ title: 'Konsult', count: -1, price: 400, vat: 25 }],
      method: 'Email',
    })

    expect(positive.json).toMatchObject({
      status: 'INVALID_PARAMETER',
      data: { field: 'count', field_path: ['items', 0] },
    })
    expect(credited.json.data).toMatchObject({ remaining_sum: 750, detailed_sums: { credited_sum: 500 } })
    expect(eventTypes(credited.json.data).slice(-2)).toEqual(['Credit', 'InvoiceSent'])
  })

  test('credit of an unattested billogram is INVALID_OBJECT_STATE', async () => {
    const response = await command((await createBillogram(api, customerNo)).id, 'credit', { mode: 'full' })

    expect(response.json.status).toBe('INVALID_OBJECT_STATE')
  })

  test('writeoff ends what remains; a paid billogram has nothing to write off', async () => {
    const billogram = await sent()
    const paid = await sent()
    await command(paid.id, 'payment', { amount: 1250 })

    const writtenOff = await command(billogram.id, 'writeoff')
    const nothing = await command(paid.id, 'writeoff', null)

    expect(writtenOff.json.data).toMatchObject({ state: 'Ended', remaining_sum: 0 })
    expect(eventTypes(writtenOff.json.data).at(-1)).toBe('Writeoff')
    expect(nothing.json.status).toBe('INVALID_OBJECT_STATE')
  })

  test('message records a CreditorMessage; an empty one is refused naming message', async () => {
    const billogram = await sent()

    const posted = await command(billogram.id, 'message', { message: 'Hej, tack för senast' })
    const empty = await command(billogram.id, 'message', { message: ' ' })

    expect(posted.json.data.events.at(-1)).toMatchObject({
      type: 'CreditorMessage',
      data: { message: 'Hej, tack för senast' },
    })
    expect(empty.json).toMatchObject({ status: 'INVALID_PARAMETER', data: { field: 'message' } })
  })

  test('confirmed-loss is refused as PERMISSION_DENIED, an unknown command as NOT_FOUND', async () => {
    const billogram = await sent()

    const loss = await command(billogram.id, 'confirmed-loss')
    const unknown = await command(billogram.id, 'teleport', {})

    expect(loss.status).toBe(403)
    expect(loss.json.status).toBe('PERMISSION_DENIED')
    expect(unknown.status).toBe(404)
    expect(unknown.json.status).toBe('NOT_FOUND')
  })

  test('an unknown key in a command body is UNKNOWN_PARAMETER', async () => {
    const response = await command((await sent()).id, 'payment', { amount: 10, payer: 'x' })

    expect(response.json).toMatchObject({ status: 'UNKNOWN_PARAMETER', data: { field: 'payer' } })
  })
})
