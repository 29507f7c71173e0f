// Proves the webhook network guard refuses private, loopback, link-local and reserved targets (however spelled) unless the operator allows them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliverWebhook } from '../../src/delivery/webhooks/deliver-webhook.ts'
import { type AddressCategory, classifyAddress, vetHost } from '../../src/delivery/webhooks/network-guard.ts'
import { postWebhook } from '../../src/delivery/webhooks/post-webhook.ts'
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver-fixture.ts'

const body = '{"event":"invoice.created"}'

describe('webhook network guard', () => {
  let receiver: WebhookReceiver

  beforeAll(async () => {
    receiver = await startWebhookReceiver(() => ({ status: 200 }))
  })

  afterAll(async () => {
    await receiver.close()
  })

  for (const host of [
    '10.0.0.1',
    '169.254.169.254',
    '[::1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:a9fe:a9fe]',
    '0.0.0.0',
  ]) {
    it(`refuses ${host}`, async () => {
      const result = await postWebhook({
        url: `http://${host}:${receiver.port}/hook`,
        body,
        timeoutMs: 2_000,
      })

      expect(result).toMatchObject({ status: null, retryable: false, error: { kind: 'refused' } })
    })
  }

  it('refuses 127.0.0.1 without allowLoopback, before sending anything', async () => {
    const before = receiver.received.length

    const result = await postWebhook({
      url: `http://127.0.0.1:${receiver.port}/hook`,
      body,
      timeoutMs: 2_000,
    })

    expect(result.error).toMatchObject({ kind: 'refused', message: expect.stringContaining('loopback') })
    expect(receiver.received.length).toBe(before)
  })

  it('refuses a host name that resolves to loopback', async () => {
    const result = await postWebhook({
      url: `http://localhost:${receiver.port}/hook`,
      body,
      timeoutMs: 2_000,
    })

    expect(result.error).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('localhost resolves to it'),
    })
  })

  it('refuses loopback spelled as one decimal number', async () => {
    const result = await postWebhook({
      url: `http://2130706433:${receiver.port}/hook`,
      body,
      timeoutMs: 2_000,
    })

    expect(result.error?.kind).toBe('refused')
  })

  it('allows 127.0.0.1 when the operator allows loopback', async () => {
    const before = receiver.received.length

    const result = await postWebhook({
      url: `http://127.0.0.1:${receiver.port}/hook`,
      body,
      timeoutMs: 2_000,
      network: { allowLoopback: true },
    })

    expect(result).toMatchObject({ status: 200 })
    expect(receiver.received.length).toBe(before + 1)
  })

  it('keeps loopback and the metadata service closed when private networks are allowed', async () => {
    const network = { allowPrivateNetworks: true }

    await expect(vetHost('127.0.0.1', network)).rejects.toThrow(/loopback/)
    await expect(vetHost('169.254.169.254', network)).rejects.toThrow(/link-local/)
    await expect(vetHost('10.0.0.1', network)).resolves.toEqual([{ address: '10.0.0.1', family: 4 }])
  })

  for (const url of ['ftp://example.com/hook', 'file:///etc/passwd', 'gopher://example.com/', 'not a url']) {
    it(`refuses ${url}`, async () => {
      const result = await postWebhook({ url, body, timeoutMs: 2_000 })

      expect(result).toMatchObject({ retryable: false, error: { kind: 'refused' } })
    })
  }

  it('makes one attempt only for a refused target', async () => {
    const delivery = await deliverWebhook(
      { url: 'http://169.254.169.254/latest/meta-data/', body, timeoutMs: 2_000 },
      { sleep: async () => {} },
    )

    expect(delivery.delivered).toBe(false)
    expect(delivery.attempts).toHaveLength(1)
  })
})

describe('classifyAddress', () => {
  const cases: readonly (readonly [string, AddressCategory])[] = [
    ['8.8.8.8', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'reserved'],
    ['::127.0.0.1', 'reserved'],
  ]

  for (const [address, category] of cases) {
    it(`classifies ${address} as ${category}`, () => {
      expect(classifyAddress(address)).toBe(category)
    })
  }
})
