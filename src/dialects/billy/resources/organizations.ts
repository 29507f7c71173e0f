// /v2/organizations and /v2/organization: the company behind the access token, and /v2/users with
// /v2/user: who is calling. A Billy token belongs to one company, so each list has one record.
// Billy's subscription, logo and lock fields describe its own SaaS account; Faktura has none of
// those and answers them empty (see the README's coverage table).

import type { Authenticated } from '../../../core/credentials/authenticate.ts'
import { getCredential } from '../../../core/credentials/get-credential.ts'
import { getChart } from '../../../core/ledger/list-accounts.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import type { RequestContext, Resource, WireRecord } from '../engine/resource.ts'
import { staticStore } from '../engine/static-store.ts'
import { wireTime } from '../engine/wire-values.ts'
import { billyLocaleId } from '../reference/countries.ts'
import { CREATED_TIME } from './common.ts'
import { defaultSalesRulesetId } from './tax-rates.ts'

function accountIdOfRole(chart: Awaited<ReturnType<typeof getChart>>, role: string): string | null {
  return chart.find((account) => account.role === role && account.vatRatePercent === undefined)?.id ?? null
}

export async function organizationRecord(context: RequestContext): Promise<WireRecord> {
  const [organization, chart] = await Promise.all([
    getOrganization(context.core, context.tenant),
    getChart(context.core, context.tenant),
  ])
  const settings = organization.settings
  const year = organization.createdAt.slice(0, 4)
  const bankAccountId = accountIdOfRole(chart, 'bank')
  return {
    id: organization.organizationId,
    ownerUserId: context.tenant.credentialId || null,
    createdTime: wireTime(organization.createdAt),
    name: organization.name,
    url: null,
    street: settings.address?.street ?? null,
    zipcode: settings.address?.zip ?? null,
    city: settings.address?.city ?? null,
    countryId: organization.country,
    phone: settings.phone ?? null,
    fax: null,
    email: settings.email ?? null,
    registrationNo: settings.orgNo ?? settings.vatNo ?? null,
    baseCurrencyId: organization.baseCurrency,
    logoFileId: null,
    logoPdfFileId: null,
    logoUrl: null,
    iconFileId: null,
    iconUrl: null,
    icon48Url: null,
    fiscalYearEndMonth: 12,
    firstFiscalYearStart: `${year}-01-01`,
    firstFiscalYearEnd: `${year}-12-31`,
    hasBillVoucherNo: false,
    subscriptionPeriod: 'monthly',
    isTrial: false,
    isTerminated: false,
    terminationTime: null,
    localeId: billyLocaleId(organization.locale),
    billEmailAddress: null,
    isUnmigrated: false,
    isLocked: false,
    lockedCode: null,
    lockedReason: null,
    appUrl: null,
    emailAttachmentDeliveryMode: 'link',
    hasVat: true,
    vatPeriod: 'quarterly',
    defaultInvoiceBankAccountId: bankAccountId,
    invoiceNoMode: 'continuous',
    nextInvoiceNo: Number(organization.nextInvoiceNumber),
    paymentTermsMode: 'net',
    paymentTermsDays: settings.paymentTermsDays ?? 30,
    defaultSalesAccountId: accountIdOfRole(chart, 'revenue'),
    defaultSalesTaxRulesetId: defaultSalesRulesetId(organization.country),
    bankSyncStartDate: null,
    defaultBankFeeAccountId: accountIdOfRole(chart, 'paymentFees'),
    defaultBillBankAccountId: bankAccountId,
  }
}

export const organizations: Resource = {
  def: {
    singular: 'organization',
    plural: 'organizations',
    properties: {
      ownerUserId: { type: 'id', resource: 'user', access: 'readonly' },
      createdTime: CREATED_TIME,
      name: { type: 'string', access: 'readonly' },
      countryId: { type: 'id', resource: 'country', access: 'readonly' },
      baseCurrencyId: { type: 'id', resource: 'currency', access: 'readonly' },
      localeId: { type: 'id', resource: 'locale', access: 'readonly' },
      defaultInvoiceBankAccountId: { type: 'id', resource: 'account', access: 'readonly' },
      defaultSalesAccountId: { type: 'id', resource: 'account', access: 'readonly' },
      defaultSalesTaxRulesetId: { type: 'id', resource: 'salesTaxRuleset', access: 'readonly' },
      defaultBankFeeAccountId: { type: 'id', resource: 'account', access: 'readonly' },
      defaultBillBankAccountId: { type: 'id', resource: 'account', access: 'readonly' },
    },
    operations: ['get', 'list'],
  },
  store: staticStore(async (context) =>
    context.tenant.organizationId ? [await organizationRecord(context)] : [],
  ),
}

function userName(credential: Awaited<ReturnType<typeof getCredential>>): string {
  return credential.label ?? credential.email ?? 'API access token'
}

export async function userRecord(context: RequestContext, tenant: Authenticated): Promise<WireRecord> {
  const credential = await getCredential(context.core, tenant, tenant.credentialId)
  return {
    id: credential.credentialId,
    createdTime: wireTime(credential.createdAt),
    name: userName(credential),
    email: credential.email,
    phone: null,
    profilePicFileId: null,
    profilePicUrl: null,
    profilePic48Url: null,
    isStaff: false,
    isSupporter: false,
    isAdmin: false,
    isSupportAccessAllowed: false,
  }
}

export const users: Resource = {
  def: {
    singular: 'user',
    plural: 'users',
    properties: {
      createdTime: CREATED_TIME,
      name: { type: 'string', access: 'readonly' },
      email: { type: 'string', access: 'readonly' },
      phone: { type: 'string', access: 'readonly' },
    },
    operations: ['get', 'list'],
  },
  store: staticStore(async (context) =>
    context.tenant.credentialId ? [await userRecord(context, context.tenant)] : [],
  ),
}
