// Reads recurring invoices: one by id or number, or a page by the shared list spec, where a field
// of the recurring's `extra` or `template` JSON is named `extra.<key>` or `template.<key>`.

import { notFound } from '../../domain/errors.ts'
import type { CoreContext, Tenant } from '../context.ts'
import { withJsonFields } from '../queries/json-field.ts'
import { type FieldMap, fetchPage, type ListSpec, type Page } from '../queries/list-spec.ts'
import { loadRecurring, type Recurring, recurringFromRow } from './recurring-record.ts'

const RECURRING_FIELDS: FieldMap = {
  recurringId: 'recurrings.recurring_id',
  recurringNo: 'recurrings.recurring_no',
  contactId: 'recurrings.contact_id',
  cycle: 'recurrings.cycle',
  startOn: 'recurrings.start_on',
  endOn: 'recurrings.end_on',
  nextCreationOn: 'recurrings.next_creation_on',
  action: 'recurrings.action',
  createdAt: 'recurrings.created_at',
  updatedAt: 'recurrings.updated_at',
}

export async function getRecurring(
  context: CoreContext,
  tenant: Tenant,
  by: Readonly<{ recurringId: string } | { recurringNo: bigint }>,
): Promise<Recurring> {
  const recurring = await loadRecurring(context.storage.db, tenant.organizationId, by)
  if (!recurring) throw notFound('recurring', 'recurringId' in by ? by.recurringId : String(by.recurringNo))
  return recurring
}

export async function searchRecurrings(
  context: CoreContext,
  tenant: Tenant,
  spec: ListSpec,
): Promise<Page<Recurring>> {
  const engine = context.storage.engine
  const fields = withJsonFields(
    withJsonFields(RECURRING_FIELDS, engine, 'extra', 'recurrings.extra', spec),
    engine,
    'template',
    'recurrings.template',
    spec,
  )
  const base = context.storage.db
    .selectFrom('recurrings')
    .where('recurrings.organization_id', '=', tenant.organizationId)
  const { rows, totalCount } = await fetchPage(base, fields, spec, 'recurrings.recurring_no', (query) =>
    query.selectAll(),
  )
  return { items: rows.map(recurringFromRow), totalCount }
}
