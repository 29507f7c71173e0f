// /v2/accounts and /v2/accountGroups: the organization's chart of accounts, the same accounts the
// core posts to for every dialect. Groups are one per nature (Faktura's charts have no finer
// grouping); an account's Billy-only settings (group, payment use, currency, default tax rate)
// ride in its `extra`. Role accounts (bank, receivables, VAT, ...) keep their number and stay.

import type { LedgerAccount } from '../../../core/ledger/account-record.ts'
import { createAccount, deleteAccount, updateAccount } from '../../../core/ledger/save-account.ts'
import { invalidField } from '../../../domain/errors.ts'
import { ACCOUNT_NATURES, type AccountNature, isAccountNature } from '../../../domain/ledger/account.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { staticStore } from '../engine/static-store.ts'
import { wireTime } from '../engine/wire-values.ts'
import {
  baseCurrencyOf,
  billyFieldsOf,
  chartOf,
  checkOrganization,
  definedOnly,
  flag,
  ORGANIZATION,
  ref,
  text,
  withBillyFields,
} from './common.ts'

const GROUP_NAMES: Readonly<Record<AccountNature, readonly [string, string]>> = {
  revenue: ['Omsætning', 'Revenue'],
  expense: ['Udgifter', 'Expenses'],
  asset: ['Aktiver', 'Assets'],
  liability: ['Gæld', 'Liabilities'],
  equity: ['Egenkapital', 'Equity'],
}

export function groupIdOf(nature: AccountNature): string {
  return `group-${nature}`
}

function natureOfGroup(groupId: string): AccountNature {
  const nature = groupId.replace(/^group-/, '')
  if (!groupId.startsWith('group-') || !isAccountNature(nature))
    throw invalidField(
      'groupId',
      `groupId ${JSON.stringify(groupId)} is not an account group of this organization`,
    )
  return nature
}

export function isPaymentEnabled(account: LedgerAccount): boolean {
  const billy = billyFieldsOf(account.extra)
  return (billy.isPaymentEnabled as boolean | undefined) ?? account.role === 'bank'
}

function accountToWire(account: LedgerAccount, organizationId: string, baseCurrency: string): WireRecord {
  const billy = billyFieldsOf(account.extra)
  return {
    id: account.id,
    organizationId,
    createdTime: wireTime(account.createdAt),
    name: account.name,
    accountNo: Number(account.number),
    description: billy.description ?? null,
    groupId: groupIdOf(account.nature),
    natureId: account.nature,
    // Billy's systemRole values are not public; Faktura shows the posting role it uses the account for.
    systemRole: account.role ?? null,
    currencyId: billy.currencyId ?? baseCurrency,
    taxRateId: billy.taxRateId ?? null,
    isPaymentEnabled: isPaymentEnabled(account),
    isBankAccount: (billy.isBankAccount as boolean | undefined) ?? account.role === 'bank',
    isArchived: account.isArchived,
    bankName: null,
    bankRoutingNo: null,
    bankAccountNo: null,
    bankSwift: null,
    bankIban: null,
  }
}

async function wireAccounts(context: RequestContext): Promise<WireRecord[]> {
  if (!context.tenant.organizationId) return []
  const [chart, baseCurrency] = await Promise.all([chartOf(context), baseCurrencyOf(context)])
  return chart.map((account) => accountToWire(account, context.tenant.organizationId, baseCurrency))
}

function natureOf(input: WireInput): AccountNature | undefined {
  const natureId = text(input, 'natureId')
  const groupId = text(input, 'groupId')
  const fromGroup = groupId ? natureOfGroup(groupId) : undefined
  if (natureId && !isAccountNature(natureId))
    throw invalidField('natureId', `natureId must be one of ${ACCOUNT_NATURES.join(', ')}`)
  if (natureId && fromGroup && natureId !== fromGroup)
    throw invalidField('groupId', `group ${groupId} holds ${fromGroup} accounts, not ${natureId}`)
  return (natureId as AccountNature | undefined) ?? fromGroup
}

function billyChanges(input: WireInput): Record<string, unknown> {
  const paymentEnabled = flag(input, 'isPaymentEnabled')
  return {
    description: input.values.description,
    currencyId: input.values.currencyId,
    taxRateId: input.values.taxRateId,
    isPaymentEnabled: paymentEnabled,
    isBankAccount: input.values.isBankAccount,
  }
}

async function saveAccount(
  context: RequestContext,
  input: WireInput,
  current?: LedgerAccount,
): Promise<Changes> {
  checkOrganization(context, input)
  const nature = natureOf(input)
  if (flag(input, 'isPaymentEnabled') && (nature ?? current?.nature) !== 'asset')
    throw invalidField('isPaymentEnabled', 'only asset accounts (bank, cash) can take payments')
  const accountNo = input.values.accountNo
  const changes = definedOnly({
    number: accountNo === undefined || accountNo === null ? undefined : String(accountNo),
    name: text(input, 'name') ?? undefined,
    nature,
    isArchived: flag(input, 'isArchived'),
  })
  const extra = withBillyFields(current?.extra ?? {}, billyChanges(input))
  const saved = current
    ? await updateAccount(context.core, context.tenant, current.id, { ...changes, extra })
    : await createAccount(context.core, context.tenant, { ...changes, extra })
  return { changed: [ref('account', saved.id, input.clientId)], deleted: [] }
}

async function currentAccount(context: RequestContext, id: string): Promise<LedgerAccount | undefined> {
  return (await chartOf(context)).find((account) => account.id === id)
}

export const accounts: Resource = {
  def: {
    singular: 'account',
    plural: 'accounts',
    properties: {
      organizationId: ORGANIZATION,
      createdTime: { type: 'datetime', access: 'readonly' },
      name: { type: 'string', required: true },
      accountNo: { type: 'integer', required: true },
      description: { type: 'string' },
      groupId: { type: 'id', resource: 'accountGroup', required: true },
      natureId: { type: 'id', resource: 'accountNature', access: 'immutable' },
      systemRole: { type: 'string', access: 'readonly' },
      currencyId: { type: 'id', resource: 'currency', access: 'immutable' },
      taxRateId: { type: 'id', resource: 'taxRate' },
      isPaymentEnabled: { type: 'boolean' },
      isBankAccount: { type: 'boolean', access: 'immutable' },
      isArchived: { type: 'boolean' },
      bankName: { type: 'string', access: 'readonly' },
      bankRoutingNo: { type: 'string', access: 'readonly' },
      bankAccountNo: { type: 'string', access: 'readonly' },
      bankSwift: { type: 'string', access: 'readonly' },
      bankIban: { type: 'string', access: 'readonly' },
    },
    operations: ['get', 'list', 'create', 'update', 'bulkSave', 'delete', 'bulkDelete'],
    filters: {
      accountNo: { type: 'integer' },
      isPaymentEnabled: { type: 'boolean' },
      isBankAccount: { type: 'boolean' },
      isArchived: { type: 'boolean' },
      natureId: { type: 'string' },
      groupId: { type: 'string' },
      systemRole: { type: 'string' },
    },
    sortable: ['accountNo', 'name'],
    defaultSort: 'accountNo',
    search: true,
  },
  store: {
    fieldNames: { number: 'accountNo', nature: 'natureId' },
    ...staticStore(wireAccounts, ['name', 'accountNo', 'description']),
    async byParent(context, _inverse, groupIds) {
      return (await wireAccounts(context)).filter((account) => groupIds.includes(String(account.groupId)))
    },
    create: (context, input) => saveAccount(context, input),
    async update(context, id, input) {
      return saveAccount(context, input, await currentAccount(context, id))
    },
    async delete(context, id) {
      const existed = await deleteAccount(context.core, context.tenant, id)
      return { changed: [], deleted: existed ? [ref('account', id)] : [] }
    },
  },
}

export const accountGroups: Resource = {
  def: {
    singular: 'accountGroup',
    plural: 'accountGroups',
    properties: {
      organizationId: ORGANIZATION,
      natureId: { type: 'id', resource: 'accountNature', access: 'immutable' },
      name: { type: 'string', access: 'readonly' },
      description: { type: 'string', access: 'readonly' },
    },
    hasMany: { accounts: { resource: 'account', inverse: 'groupId', save: 'readonly' } },
    operations: ['get', 'list'],
    filters: { natureId: { type: 'string' } },
  },
  store: staticStore((context) =>
    ACCOUNT_NATURES.map((nature) => ({
      id: groupIdOf(nature),
      organizationId: context.tenant.organizationId,
      natureId: nature,
      name: GROUP_NAMES[nature][context.language === 'da' ? 0 : 1],
      description: null,
    })),
  ),
}
