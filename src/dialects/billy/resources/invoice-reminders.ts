// /v2/invoiceReminders and /v2/invoiceReminderAssociations: a reminder to a contact over some of
// its invoices, saved with its associations embedded (Billy answers 405 to writing associations
// on their own, ../shared/reference/billy.md section 3.4). Each invoice is reminded by the core's
// dunning step (core/dunning/remind-contact.ts): the next level, the fee (flat plus a percentage
// of what the invoice owes, within the statutory limits) posted to reminder-fee income, and, with
// `sendEmail`, the reminder mailed to the contact person through the outbox.

import { getContactPersons } from '../../../core/contact-persons/list-contact-persons.ts'
import { getCredential } from '../../../core/credentials/get-credential.ts'
import {
  getReminderNotices,
  type ReminderNotice,
  remindContact,
} from '../../../core/dunning/remind-contact.ts'
import type { ReminderChannels } from '../../../core/dunning/reminder-channels.ts'
import { invalidField } from '../../../domain/errors.ts'
import type { Changes, RequestContext, Resource, WireInput, WireRecord } from '../engine/resource.ts'
import { listInMemory } from '../engine/static-store.ts'
import { decimalNumber, wireTime } from '../engine/wire-values.ts'
import { CREATED_TIME, checkOrganization, flag, ORGANIZATION, ref, text } from './common.ts'

function associationId(noticeId: string, invoiceId: string): string {
  return `${noticeId}.${invoiceId}`
}

function reminderToWire(context: RequestContext, notice: ReminderNotice): WireRecord {
  const billy = notice.extra
  return {
    id: notice.noticeId,
    organizationId: context.tenant.organizationId,
    contactId: notice.contactId,
    createdTime: wireTime(notice.createdAt),
    flatFee: decimalNumber(notice.flatFee),
    percentageFee: decimalNumber(notice.percentageFee),
    feeCurrencyId: notice.feeCurrency,
    sendEmail: billy.sendEmail ?? false,
    contactPersonId: billy.contactPersonId ?? null,
    emailSubject: billy.emailSubject ?? null,
    emailBody: billy.emailBody ?? null,
    copyToUserId: billy.copyToUserId ?? null,
    // Each invoice's reminder document goes out through the delivery channels; no combined PDF.
    downloadUrl: null,
  }
}

function associationsOf(notices: readonly ReminderNotice[]): WireRecord[] {
  return notices.flatMap((notice) =>
    notice.invoices.map((invoice) => ({
      id: associationId(notice.noticeId, invoice.invoiceId),
      reminderId: notice.noticeId,
      invoiceId: invoice.invoiceId,
      // The fee is charged by the dunning step on the invoice itself, not as a late-fee record.
      lateFeeId: null,
    })),
  )
}

async function channelsOf(
  context: RequestContext,
  input: WireInput,
  contactId: string,
): Promise<ReminderChannels> {
  const personId = text(input, 'contactPersonId') ?? ''
  const [person] = await getContactPersons(context.core, context.tenant, { ids: [personId] })
  if (!person || person.contactId !== contactId)
    throw invalidField('contactPersonId', 'contactPersonId must be a person of the reminder’s contact')
  if (flag(input, 'sendEmail') !== true) return {}
  if (!person.email)
    throw invalidField('contactPersonId', `contact person ${person.name} has no email address`)
  const copyTo = text(input, 'copyToUserId')
  const user = copyTo
    ? await getCredential(context.core, context.tenant, copyTo).catch(() => undefined)
    : undefined
  if (copyTo && !user?.email)
    throw invalidField('copyToUserId', 'copyToUserId must be a user with an email address')
  return {
    email: {
      to: [person.email],
      ...(user?.email ? { cc: [user.email] } : {}),
      subject: text(input, 'emailSubject') ?? '',
      text: text(input, 'emailBody') ?? '',
    },
  }
}

async function createReminder(context: RequestContext, input: WireInput): Promise<Changes> {
  checkOrganization(context, input)
  const contactId = text(input, 'contactId') ?? ''
  const invoiceIds = (input.children.associations ?? []).map((child) => text(child, 'invoiceId') ?? '')
  if (invoiceIds.length === 0) throw invalidField('associations', 'a reminder names at least one invoice')
  const notice = await remindContact(context.core, context.tenant, {
    contactId,
    invoiceIds,
    feeCurrency: text(input, 'feeCurrencyId') ?? '',
    flatFee: String(input.values.flatFee ?? '0'),
    percentageFee: String(input.values.percentageFee ?? '0'),
    channels: await channelsOf(context, input, contactId),
    extra: {
      sendEmail: flag(input, 'sendEmail') ?? false,
      contactPersonId: text(input, 'contactPersonId'),
      emailSubject: text(input, 'emailSubject'),
      emailBody: text(input, 'emailBody'),
      copyToUserId: text(input, 'copyToUserId') ?? null,
    },
  })
  const children = input.children.associations ?? []
  return {
    changed: [
      ref('invoiceReminder', notice.noticeId, input.clientId),
      ...notice.invoices.map((invoice) =>
        ref(
          'invoiceReminderAssociation',
          associationId(notice.noticeId, invoice.invoiceId),
          children.find((child) => text(child, 'invoiceId') === invoice.invoiceId)?.clientId,
        ),
      ),
      ...notice.invoices.map((invoice) => ref('invoice', invoice.invoiceId)),
    ],
    deleted: [],
  }
}

export const invoiceReminders: Resource = {
  def: {
    singular: 'invoiceReminder',
    plural: 'invoiceReminders',
    properties: {
      organizationId: ORGANIZATION,
      contactId: { type: 'id', resource: 'contact', access: 'immutable', required: true },
      createdTime: CREATED_TIME,
      flatFee: { type: 'float', access: 'immutable' },
      percentageFee: {
        type: 'float',
        access: 'immutable',
        description: 'Percent of what each invoice still owes: 2 is 2%.',
      },
      feeCurrencyId: { type: 'id', resource: 'currency', access: 'immutable', required: true },
      sendEmail: { type: 'boolean', access: 'immutable' },
      contactPersonId: { type: 'id', resource: 'contactPerson', access: 'immutable', required: true },
      emailSubject: { type: 'string', access: 'immutable', required: true },
      emailBody: { type: 'string', access: 'immutable', required: true },
      copyToUserId: { type: 'id', resource: 'user', access: 'immutable' },
      downloadUrl: { type: 'string', access: 'readonly' },
    },
    hasMany: {
      associations: { resource: 'invoiceReminderAssociation', inverse: 'reminderId', save: 'create' },
    },
    operations: ['get', 'list', 'create', 'bulkSave'],
    filters: { contactId: { type: 'string' } },
    sortable: ['createdTime'],
  },
  store: {
    fieldNames: {
      invoiceIds: 'associations',
      invoiceId: 'associations',
      feeCurrency: 'feeCurrencyId',
      fee: 'flatFee',
    },
    async load(context, ids) {
      return (await getReminderNotices(context.core, context.tenant, { ids })).map((notice) =>
        reminderToWire(context, notice),
      )
    },
    async list(context, query) {
      const contactIds = query.filters.contactId
      const notices = await getReminderNotices(context.core, context.tenant, contactIds ? { contactIds } : {})
      return listInMemory(
        notices.map((notice) => reminderToWire(context, notice)),
        { ...query, filters: {} },
        [],
      )
    },
    create: createReminder,
  },
}

export const invoiceReminderAssociations: Resource = {
  def: {
    singular: 'invoiceReminderAssociation',
    plural: 'invoiceReminderAssociations',
    properties: {
      reminderId: { type: 'id', resource: 'invoiceReminder', access: 'immutable', required: true },
      invoiceId: { type: 'id', resource: 'invoice', access: 'immutable', required: true },
      lateFeeId: { type: 'id', resource: 'invoiceLateFee', access: 'readonly' },
    },
    operations: ['get', 'list'],
    filters: { reminderId: { type: 'string' }, invoiceId: { type: 'string' } },
  },
  store: {
    async load(context, ids) {
      const noticeIds = [...new Set(ids.map((id) => id.split('.')[0] ?? ''))]
      const all = associationsOf(await getReminderNotices(context.core, context.tenant, { ids: noticeIds }))
      return all.filter((association) => ids.includes(association.id))
    },
    async byParent(context, _inverse, reminderIds) {
      return associationsOf(await getReminderNotices(context.core, context.tenant, { ids: reminderIds }))
    },
    async list(context, query) {
      const { reminderId, invoiceId } = query.filters
      if (!reminderId && !invoiceId)
        throw invalidField('reminderId', 'reminder associations are listed per reminder or invoice')
      const notices = await getReminderNotices(context.core, context.tenant, {
        ...(reminderId ? { ids: reminderId } : {}),
        ...(invoiceId ? { invoiceIds: invoiceId } : {}),
      })
      const associations = associationsOf(notices).filter(
        (association) => !invoiceId || invoiceId.includes(association.invoiceId as string),
      )
      return listInMemory(associations, { ...query, filters: {} }, [])
    },
  },
}
