// Proves the recipient's page of an offer in a real browser (Debian's Chromium through
// playwright-core) against a real server on both engines: it renders the offer with its optional
// item, the PDF downloads, accepting with the option ticked wins the offer and marks the option
// chosen, declining another loses it, each as the offer's status event; a draft's page is a 404.

import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { completeSalesDocument } from '../../src/core/sales/complete-sales-document.ts'
import { createSalesDocument } from '../../src/core/sales/create-sales-document.ts'
import { getSalesDocument } from '../../src/core/sales/get-sales-document.ts'
import { DIALECTS } from '../../src/dialects/all.ts'
import { buildServer, createServices } from '../../src/http/server.ts'
import { createWorld, type World } from '../support/core-fixtures.ts'
import { describeEachEngine } from '../support/engines.ts'

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

describeEachEngine('recipient offer page', ({ storage }) => {
  let app: FastifyInstance
  let baseUrl = ''
  let world: World
  let page: Page

  const offer = async (complete = true) => {
    const draft = await createSalesDocument(world.core, world.tenant, 'offer', {
      contactId: world.contactId,
      lines: [
        { productId: world.productId, quantity: '3' },
        { description: 'Wartungsvertrag', unitPrice: '400', vatRatePercent: '19', optional: true },
      ],
    })
    if (!complete) return draft
    return completeSalesDocument(world.core, world.tenant, draft.documentId, { prefix: 'AN', padding: 0 })
  }

  beforeAll(async () => {
    world = await createWorld(storage(), 'DE', 'EUR')
    app = await buildServer(
      createServices(loadConfig({ 'data-dir': '/tmp/unused' }, { LOG_LEVEL: 'silent' }), world.core),
      DIALECTS,
    )
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 })
    page = await (await browser.newContext({ acceptDownloads: true })).newPage()
  })
  afterAll(async () => {
    await page?.context().close()
    await app?.close()
  })

  async function statusEvents(): Promise<Record<string, unknown>[]> {
    const rows = await storage()
      .db.selectFrom('events')
      .select('data')
      .where('organization_id', '=', world.tenant.organizationId)
      .where('type', '=', 'offer.status')
      .execute()
    return rows.map((row) => JSON.parse(row.data) as Record<string, unknown>)
  }

  test('the page renders the offer and its optional item, and the PDF downloads', async () => {
    const issued = await offer()
    await page.goto(`${baseUrl}/d/${issued.pageToken}`)

    await expect.poll(() => page.locator('h2').textContent()).toBe(`Angebot ${issued.number}`)
    const documentFrame = page.frameLocator('iframe').first()
    await expect.poll(() => documentFrame.locator('h1').textContent()).toBe('Angebot')
    expect(await documentFrame.locator('body').textContent()).toContain('optional, nicht in der Summe')
    expect(await page.locator('fieldset label').textContent()).toContain('Wartungsvertrag')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[download]').click()])
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })

  test('accepting with the option ticked wins the offer and marks the option chosen', async () => {
    const issued = await offer()
    await page.goto(`${baseUrl}/d/${issued.pageToken}`)

    await page.locator('input[name="option-2"]').check()
    await page.locator('form.accept button').click()

    await expect.poll(() => page.locator('.answer').textContent()).toBe('Das Angebot ist angenommen.')
    expect(await page.locator('form').count()).toBe(0)
    const answered = await getSalesDocument(world.core, world.tenant, issued.documentId)
    expect(answered.state).toBe('won')
    expect(answered.lines.map((line) => [line.optional, line.chosen])).toEqual([
      [false, false],
      [true, true],
    ])
    expect(await statusEvents()).toContainEqual(
      expect.objectContaining({
        documentId: issued.documentId,
        action: 'win',
        by: 'recipient',
        chosenLineNos: [2],
      }),
    )
  })

  test('declining loses the offer', async () => {
    const issued = await offer()
    await page.goto(`${baseUrl}/d/${issued.pageToken}`)

    await page.locator('form.decline button').click()

    await expect.poll(() => page.locator('.answer').textContent()).toBe('Das Angebot ist abgelehnt.')
    expect((await getSalesDocument(world.core, world.tenant, issued.documentId)).state).toBe('lost')
    expect(await statusEvents()).toContainEqual(
      expect.objectContaining({ documentId: issued.documentId, action: 'lose', by: 'recipient' }),
    )
  })

  test("a draft's page and an unknown token get the bare 404", async () => {
    const draft = await offer(false)

    const drafted = await page.goto(`${baseUrl}/d/${draft.pageToken}`)
    expect(drafted?.status()).toBe(404)
    const unknown = await page.goto(`${baseUrl}/d/${'x'.repeat(32)}`)
    expect(unknown?.status()).toBe(404)
    expect(await page.locator('body').textContent()).toBe('404')
  })
})
