// Callback subscriptions: a URL (with an optional signing key and a caller's custom string) that
// hears about the events of one case, or of every case of the organization. The invariant it
// protects: a case has at most one subscription of its own and an organization at most one
// account-wide one, so setting one replaces the other and never adds a second.

import { invalidField } from '../../domain/errors.ts'
import type { Executor, Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'
import type { CallbackSubscriptionsTable } from '../../storage/schema-billogram.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'

export type CallbackInput = Readonly<{ url: string; signKey?: string | null; custom?: string | null }>

export type CallbackSubscription = Readonly<{
  subscriptionId: string
  caseId: string | null
  url: string
  signKey: string | null
  custom: string | null
  createdAt: string
}>

const MAX_URL_LENGTH = 2000
const MAX_KEY_LENGTH = 200
const MAX_CUSTOM_LENGTH = 2000

export function checkCallback(input: CallbackInput): CallbackInput {
  if (typeof input.url !== 'string' || !/^https?:\/\/[^\s]+$/i.test(input.url))
    throw invalidField('url', 'a callback url must be an http or https address')
  if (input.url.length > MAX_URL_LENGTH)
    throw invalidField('url', `a callback url has at most ${MAX_URL_LENGTH} characters`)
  if (input.signKey != null && (typeof input.signKey !== 'string' || input.signKey.length > MAX_KEY_LENGTH))
    throw invalidField('signKey', `a sign key is text of at most ${MAX_KEY_LENGTH} characters`)
  if (input.custom != null && (typeof input.custom !== 'string' || input.custom.length > MAX_CUSTOM_LENGTH))
    throw invalidField('custom', `custom is text of at most ${MAX_CUSTOM_LENGTH} characters`)
  return input
}

function fromRow(row: CallbackSubscriptionsTable): CallbackSubscription {
  return {
    subscriptionId: row.subscription_id,
    caseId: row.case_id,
    url: row.url,
    signKey: row.sign_key,
    custom: row.custom,
    createdAt: row.created_at,
  }
}

/** The subscriptions that hear about `caseId`: its own and the organization's account-wide one. */
export async function subscriptionsFor(
  db: Executor,
  organizationId: string,
  caseId: string,
): Promise<CallbackSubscription[]> {
  const rows = await db
    .selectFrom('callback_subscriptions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('case_id', '=', caseId), eb('case_id', 'is', null)]))
    .orderBy('created_at')
    .execute()
  return rows.map(fromRow)
}

export async function caseCallbackOf(
  db: Executor,
  organizationId: string,
  caseId: string | null,
): Promise<CallbackSubscription | null> {
  const query = db
    .selectFrom('callback_subscriptions')
    .selectAll()
    .where('organization_id', '=', organizationId)
  const row = await (caseId === null
    ? query.where('case_id', 'is', null)
    : query.where('case_id', '=', caseId)
  ).executeTakeFirst()
  return row ? fromRow(row) : null
}

/**
 * Sets (or with null removes) the subscription of a case, or the account-wide one when `caseId`
 * is null, inside the caller's transaction. A changed URL or key keeps the subscription's id, so
 * callbacks already queued are signed with the key in force when they are sent.
 */
export async function putCallbackWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  caseId: string | null,
  input: CallbackInput | null,
): Promise<void> {
  const org = tenant.organizationId
  const existing = await caseCallbackOf(tx, org, caseId)
  if (input === null) {
    if (existing)
      await tx
        .deleteFrom('callback_subscriptions')
        .where('organization_id', '=', org)
        .where('subscription_id', '=', existing.subscriptionId)
        .execute()
    return
  }
  const checked = checkCallback(input)
  const now = nowIso(context)
  const values = { url: checked.url, sign_key: checked.signKey ?? null, custom: checked.custom ?? null }
  if (existing) {
    await tx
      .updateTable('callback_subscriptions')
      .set({ ...values, updated_at: now })
      .where('organization_id', '=', org)
      .where('subscription_id', '=', existing.subscriptionId)
      .execute()
    return
  }
  await tx
    .insertInto('callback_subscriptions')
    .values({
      organization_id: org,
      subscription_id: newId(),
      case_id: caseId,
      ...values,
      created_at: now,
      updated_at: now,
    })
    .execute()
}

export async function putAccountCallback(
  context: CoreContext,
  tenant: Tenant,
  input: CallbackInput | null,
): Promise<CallbackSubscription | null> {
  return context.storage.db.transaction().execute(async (tx) => {
    await putCallbackWithin(context, tx, tenant, null, input)
    return caseCallbackOf(tx, tenant.organizationId, null)
  })
}

/** The signing key of a subscription, for the relay's signer; undefined when there is none. */
export async function callbackSigningKey(
  context: CoreContext,
  organizationId: string,
  subscriptionId: string,
): Promise<string | undefined> {
  const row = await context.storage.db
    .selectFrom('callback_subscriptions')
    .select('sign_key')
    .where('organization_id', '=', organizationId)
    .where('subscription_id', '=', subscriptionId)
    .executeTakeFirst()
  return row?.sign_key ?? undefined
}

export async function getAccountCallback(
  context: CoreContext,
  tenant: Tenant,
): Promise<CallbackSubscription | null> {
  return caseCallbackOf(context.storage.db, tenant.organizationId, null)
}
