// Proves the recipient's invoice page in a real browser (Debian's Chromium through playwright-core)
// against a real server on both engines: it renders, the PDF downloads, a message, a respite
// request and an accepted offer reach the event log, and unknown tokens get a bare 404.

import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { attachOffer } from '../../src/core/cases/offers.ts'
import { approveInvoice } from '../../src/core/invoices/approve-invoice.ts'
import { createInvoice } from '../../src/core/invoices/create-invoice.ts'
import { DIALECTS } from '../../src/dialects/all.ts'
import { buildServer, createServices } from '../../src/http/server.ts'
import { createWorld, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts')
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

let browser: Browser
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS })
})
afterAll(async () => browser?.close())

describeEachEngine('recipient invoice page', ({ engine, storage }) => {
  let app: FastifyInstance
  let baseUrl = ''
  let world: World
  let token = ''
  let page: Page

  beforeAll(async () => {
    world = await createWorld(storage())
    app = await buildServer(
      createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), world.core),
      DIALECTS,
    )
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 })
    const draft = await createInvoice(world.core, world.tenant, {
      contactId: world.contactId,
      lines: [{ productId: world.productId, quantity: '2' }],
    })
    const invoice = await approveInvoice(world.core, world.tenant, draft.invoiceId)
    token = invoice.pageToken
    await attachOffer(world.core, world.tenant, invoice.caseId, {
      kind: 'sale',
      title: 'Lägg till support i ett år',
      items: [{ description: 'Support', unitPrice: '500', quantity: '1', vatRatePercent: '25' }],
    })
    await attachOffer(world.core, world.tenant, invoice.caseId, {
      kind: 'banner',
      title: 'Våra nyheter',
      url: 'https://example.com/news',
    })
    page = await (await browser.newContext({ acceptDownloads: true })).newPage()
  })
  afterAll(async () => {
    await page?.context().close()
    await app?.close()
  })

  async function eventTypes(): Promise<string[]> {
    const rows = await storage()
      .db.selectFrom('events')
      .select('type')
      .where('organization_id', '=', world.tenant.organizationId)
      .orderBy('created_at')
      .orderBy('event_id')
      .execute()
    return rows.map((row) => row.type)
  }

  test('the page renders the invoice, its history and its offers', async () => {
    await page.goto(`${baseUrl}/i/${token}`)

    await expect.poll(() => page.locator('h1').textContent()).toBe('Test SE AB')
    const documentFrame = page.frameLocator('iframe').first()
    await expect.poll(() => documentFrame.locator('h1').textContent()).toBe('Faktura')
    expect(await documentFrame.locator('body').textContent()).toContain('2 500,00')
    expect(await page.locator('.history li').count()).toBe(1)
    expect(await page.locator('a[href="https://example.com/news"]').textContent()).toBe('Våra nyheter')
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS, `recipient-page-${engine}.png`), fullPage: true })
  })

  test('the PDF downloads', async () => {
    await page.goto(`${baseUrl}/i/${token}`)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[download]').first().click(),
    ])

    const path = await download.path()
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-')
    expect(download.suggestedFilename()).toBe('invoice-1.pdf')
  })

  test('a message from the recipient reaches the event log', async () => {
    await page.goto(`${baseUrl}/i/${token}`)

    await page.locator('textarea[name="message"]').fill('Kan ni skicka fakturan till vår ekonomiavdelning?')
    await page.locator('form[action$="/message"] button').click()

    await expect.poll(() => page.locator('.notice').textContent()).toBe('Tack, det är mottaget.')
    expect(await eventTypes()).toContain('case.customer_message')
  })

  test('a respite request reaches the event log', async () => {
    await page.goto(`${baseUrl}/i/${token}`)

    await page.locator('input[name="until"]').fill('2026-12-20')
    await page.locator('input[name="reason"]').fill('Lönen kommer den 19:e')
    await page.locator('form[action$="/respite"] button').click()

    await expect.poll(() => page.locator('.notice').count()).toBe(1)
    expect(await eventTypes()).toContain('case.respite_requested')
  })

  test('accepting a sale adds its items as a new invoice in the case', async () => {
    await page.goto(`${baseUrl}/i/${token}`)

    await page.locator('form[action*="/offers/"] button').click()

    await expect.poll(() => page.locator('iframe').count()).toBe(2)
    expect(await eventTypes()).toContain('offer.accepted')
    expect(await page.locator('form[action*="/offers/"]').count()).toBe(0)
  })

  test('unknown and malformed tokens get a 404 page that reveals nothing', async () => {
    const unknown = await page.goto(`${baseUrl}/i/${'x'.repeat(32)}`)
    const malformed = await page.goto(`${baseUrl}/i/..%2F..%2Fetc`)

    expect(unknown?.status()).toBe(404)
    expect(malformed?.status()).toBe(404)
    expect(await page.locator('body').textContent()).toBe('404')
  })
})
