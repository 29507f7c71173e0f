// The demo organization `npm start` creates on its first run, so a fresh install answers all three
// APIs at once. Its secrets are kept in the data directory (mode 0600) so later starts can print
// them again; they are demo credentials only.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config/config.ts'
import type { CoreContext } from '../core/context.ts'
import { createCredential } from '../core/credentials/create-credential.ts'
import { createOrganization } from '../core/organizations/create-organization.ts'
import { DIALECTS } from '../dialects/all.ts'
import { seedDemoData } from './seed-demo-data.ts'

export type DemoCredentials = Readonly<{
  organizationId: string
  billogram: Readonly<{ apiUser: string; apiKey: string }>
  billomat: Readonly<{ apiKey: string; billomatId: string }>
  billy: Readonly<{ accessToken: string; email: string; password: string }>
}>

const FILE_NAME = 'demo-credentials.json'

function prefixOf(name: 'billogram' | 'billomat' | 'billy'): string {
  return DIALECTS.find((dialect) => dialect.name === name)?.prefix ?? ''
}

export async function createDemo(core: CoreContext): Promise<DemoCredentials> {
  const organization = await createOrganization(core, {
    name: 'Demo Handel AB',
    country: 'SE',
    currency: 'SEK',
    settings: {
      orgNo: '556677-8899',
      vatNo: 'SE556677889901',
      email: 'faktura@demo.example',
      address: { street: 'Storgatan 1', zip: '111 22', city: 'Stockholm', country: 'SE' },
      bank: { bankgiro: '5050-1055', iban: 'SE4550000000058398257466', bic: 'ESSESESS' },
      billomatId: 'demo',
    },
  })
  const organizationId = organization.organizationId
  const billogram = await createCredential(core, { organizationId, dialect: 'billogram' })
  const billomat = await createCredential(core, { organizationId, dialect: 'billomat' })
  const billy = await createCredential(core, { organizationId, dialect: 'billy' })
  const password = 'demo-password'
  const billyUser = await createCredential(core, {
    organizationId,
    dialect: 'billy',
    userPassword: { email: 'demo@faktura.example', password },
  })
  await seedDemoData(core, organizationId)
  return {
    organizationId,
    billogram: { apiUser: billogram.secrets.apiUser ?? '', apiKey: billogram.secrets.apiKey ?? '' },
    billomat: { apiKey: billomat.secrets.apiKey ?? '', billomatId: billomat.secrets.billomatId ?? '' },
    billy: { accessToken: billy.secrets.accessToken ?? '', email: billyUser.secrets.email ?? '', password },
  }
}

export async function ensureDemo(core: CoreContext, config: Config): Promise<DemoCredentials> {
  const path = join(config.dataDir, FILE_NAME)
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as DemoCredentials
  const demo = await createDemo(core)
  mkdirSync(config.dataDir, { recursive: true })
  writeFileSync(path, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 })
  return demo
}

export function clientInstructions(config: Config, demo: DemoCredentials): string {
  const base = config.publicBaseUrl
  return [
    `Demo organization ${demo.organizationId}`,
    '',
    `Billogram v2  base URL ${base}${prefixOf('billogram')}  user ${demo.billogram.apiUser}  key ${demo.billogram.apiKey}`,
    `  curl -u ${demo.billogram.apiUser}:${demo.billogram.apiKey} ${base}${prefixOf('billogram')}/billogram`,
    `Billomat      base URL ${base}${prefixOf('billomat')}  billomat id ${demo.billomat.billomatId}  API key ${demo.billomat.apiKey}`,
    `  curl -H 'X-BillomatApiKey: ${demo.billomat.apiKey}' -H 'Accept: application/json' ${base}${prefixOf('billomat')}/invoices`,
    `Billy v2      base URL ${base}${prefixOf('billy')}  access token ${demo.billy.accessToken}  (or Basic ${demo.billy.email} / ${demo.billy.password})`,
    `  curl -H 'X-Access-Token: ${demo.billy.accessToken}' ${base}${prefixOf('billy')}/invoices`,
  ].join('\n')
}
