// /v2/organizations and /v2/organization: the company behind the access token, and /v2/users with
// /v2/user: who is calling. A Billy token belongs to one company, so each list has one record.
// Billy's subscription, logo and lock fields describe its own SaaS account; Faktura has none of
// those and answers them empty (see the README's coverage table).

import type { Authenticated } from '../../../core/credentials/authenticate.ts'
import { getCredential } from '../../../core/credentials/get-credential.ts'
import { getOrganization } from '../../../core/organizations/get-organization.ts'
import { updateOrganization } from '../../../core/organizations/update-organization.ts'
import { notFound } from '../../../domain/errors.ts'
import type {
  Changes,
  RequestContext,
  Resource,
  ResourceDef,
  WireInput,
  WireRecord,
} from '../engine/resource.ts'
import { staticStore } from '../engine/static-store.ts'
import { wireTime } from '../engine/wire-values.ts'
import { billyLocaleId } from '../reference/countries.ts'
import { accountIdOfRole, CREATED_TIME, definedOnly, ref, text } from './common.ts'
import { defaultSalesRulesetId } from './tax-rates.ts'

export async function organizationRecord(context: RequestContext): Promise<WireRecord> {
  const organization = await getOrganization(context.core, context.tenant)
  const settings = organization.settings
  const billy = (settings as { extra?: { billy?: Record<string, unknown> } }).extra?.billy ?? {}
  const year = organization.createdAt.slice(0, 4)
  const bankAccountId = await accountIdOfRole(context, 'bank')
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
    fax: billy.fax ?? null,
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
    emailAttachmentDeliveryMode: billy.emailAttachmentDeliveryMode ?? 'link',
    hasVat: true,
    vatPeriod: 'quarterly',
    defaultInvoiceBankAccountId: bankAccountId,
    invoiceNoMode: 'continuous',
    nextInvoiceNo: Number(organization.nextInvoiceNumber),
    paymentTermsMode: billy.paymentTermsMode ?? 'net',
    paymentTermsDays: settings.paymentTermsDays ?? 30,
    defaultSalesAccountId: await accountIdOfRole(context, 'revenue'),
    defaultSalesTaxRulesetId: defaultSalesRulesetId(organization.country),
    bankSyncStartDate: null,
    defaultBankFeeAccountId: await accountIdOfRole(context, 'paymentFees'),
    defaultBillBankAccountId: bankAccountId,
  }
}

const READONLY = { type: 'string', access: 'readonly' } as const
const TEXT = { type: 'string' } as const

/** Every property Billy documents; those Faktura does not keep are read-only and empty. */
const ORGANIZATION_PROPERTIES: ResourceDef['properties'] = {
  ownerUserId: { type: 'id', resource: 'user', access: 'readonly' },
  createdTime: CREATED_TIME,
  name: { type: 'string', required: true },
  url: READONLY,
  street: TEXT,
  zipcode: TEXT,
  city: TEXT,
  countryId: { type: 'id', resource: 'country', access: 'immutable' },
  phone: TEXT,
  fax: TEXT,
  email: TEXT,
  registrationNo: TEXT,
  baseCurrencyId: { type: 'id', resource: 'currency', access: 'immutable' },
  logoFileId: { type: 'id', access: 'readonly' },
  logoPdfFileId: { type: 'id', access: 'readonly' },
  logoUrl: READONLY,
  iconFileId: { type: 'id', access: 'readonly' },
  iconUrl: READONLY,
  icon48Url: READONLY,
  fiscalYearEndMonth: { type: 'integer', access: 'readonly' },
  firstFiscalYearStart: { type: 'date', access: 'readonly' },
  firstFiscalYearEnd: { type: 'date', access: 'readonly' },
  hasBillVoucherNo: { type: 'boolean', access: 'readonly' },
  subscriptionPeriod: { type: 'enum', values: ['monthly', 'yearly'], access: 'readonly' },
  isTrial: { type: 'boolean', access: 'readonly' },
  isTerminated: { type: 'boolean', access: 'readonly' },
  terminationTime: { type: 'datetime', access: 'readonly' },
  localeId: { type: 'id', resource: 'locale', access: 'readonly' },
  billEmailAddress: READONLY,
  isUnmigrated: { type: 'boolean', access: 'readonly' },
  isLocked: { type: 'boolean', access: 'readonly' },
  lockedCode: READONLY,
  lockedReason: READONLY,
  appUrl: READONLY,
  emailAttachmentDeliveryMode: { type: 'enum', values: ['link', 'attachment', 'linkAndAttachment'] },
  hasVat: { type: 'boolean', access: 'readonly' },
  vatPeriod: { type: 'enum', values: ['monthly', 'quarterly', 'semianually'], access: 'readonly' },
  defaultInvoiceBankAccountId: { type: 'id', resource: 'account', access: 'readonly' },
  invoiceNoMode: { type: 'string', access: 'readonly' },
  nextInvoiceNo: { type: 'integer', access: 'readonly' },
  paymentTermsMode: { type: 'enum', values: ['net', 'netEndOfMonth', 'date'] },
  paymentTermsDays: { type: 'integer' },
  defaultSalesAccountId: { type: 'id', resource: 'account', access: 'readonly' },
  defaultSalesTaxRulesetId: { type: 'id', resource: 'salesTaxRuleset', access: 'readonly' },
  bankSyncStartDate: { type: 'date', access: 'readonly' },
  defaultBankFeeAccountId: { type: 'id', resource: 'account', access: 'readonly' },
  defaultBillBankAccountId: { type: 'id', resource: 'account', access: 'readonly' },
}

async function updateOwnOrganization(
  context: RequestContext,
  id: string,
  input: WireInput,
): Promise<Changes> {
  if (id !== context.tenant.organizationId) throw notFound('organization', id)
  const address = definedOnly({
    street: text(input, 'street') ?? undefined,
    zip: text(input, 'zipcode') ?? undefined,
    city: text(input, 'city') ?? undefined,
  })
  const billy = definedOnly({
    fax: input.values.fax,
    paymentTermsMode: input.values.paymentTermsMode,
    emailAttachmentDeliveryMode: input.values.emailAttachmentDeliveryMode,
  })
  const settings = definedOnly({
    phone: text(input, 'phone') ?? undefined,
    email: text(input, 'email') ?? undefined,
    orgNo: text(input, 'registrationNo') ?? undefined,
    paymentTermsDays: (input.values.paymentTermsDays as number | null | undefined) ?? undefined,
  })
  await updateOrganization(context.core, context.tenant, {
    ...(text(input, 'name') ? { name: text(input, 'name') as string } : {}),
    settings: {
      ...settings,
      ...(Object.keys(address).length > 0 ? { address } : {}),
      ...(Object.keys(billy).length > 0 ? { extra: { billy } } : {}),
    },
  })
  return { changed: [ref('organization', id, input.clientId)], deleted: [] }
}

export const organizations: Resource = {
  def: {
    singular: 'organization',
    plural: 'organizations',
    properties: ORGANIZATION_PROPERTIES,
    operations: ['get', 'list', 'update', 'bulkSave'],
  },
  store: {
    fieldNames: {
      orgNo: 'registrationNo',
      'address.street': 'street',
      'address.zip': 'zipcode',
      'address.city': 'city',
    },
    ...staticStore(async (context) =>
      context.tenant.organizationId ? [await organizationRecord(context)] : [],
    ),
    update: updateOwnOrganization,
  },
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
      name: READONLY,
      email: READONLY,
      phone: READONLY,
      profilePicFileId: { type: 'id', access: 'readonly' },
      profilePicUrl: READONLY,
      profilePic48Url: READONLY,
      isStaff: { type: 'boolean', access: 'readonly' },
      isSupporter: { type: 'boolean', access: 'readonly' },
      isAdmin: { type: 'boolean', access: 'readonly' },
      isSupportAccessAllowed: { type: 'boolean', access: 'readonly' },
    },
    operations: ['get', 'list'],
  },
  store: staticStore(async (context) =>
    context.tenant.credentialId ? [await userRecord(context, context.tenant)] : [],
  ),
}
