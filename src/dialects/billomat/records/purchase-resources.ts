// The records of the purchase side (appendix: lieferanten/*, eingangsrechnungen/*, and the user
// attributes of einstellungen/benutzer-attribute): tags and custom attributes of suppliers and of
// incomings, comments on incomings, and custom attribute definitions of users. Suppliers are core
// contacts in the supplier role, incomings the core's bills.

import { findBillBySeq } from '../../../core/bills/search-bills.ts'
import type { CoreContext, Tenant } from '../../../core/context.ts'
import { listRecords } from '../../../core/records/list-records.ts'
import { invalidField } from '../../../domain/errors.ts'
import { contactByNo } from '../ids.ts'
import { int, record, str, type WireRecord } from '../wire/tree.ts'
import { comments, properties, propertyValues, tags } from './annotation-resources.ts'
import type { ParentSpec, RecordSpec } from './record-spec.ts'

export const supplierParent: ParentSpec = {
  field: 'supplier_id',
  resolve: async (core, tenant, id) => {
    const contact = await contactByNo(core, tenant, id, 'supplier_id')
    if (!contact.isSupplier) throw invalidField('supplier_id', `supplier ${id} does not exist`)
    return contact.contactId
  },
}

/** An incoming is a bill that is not voided, named by its whole number. */
export const incomingParent: ParentSpec = {
  field: 'incoming_id',
  resolve: async (core, tenant, id) => {
    const bill = await findBillBySeq(core, tenant, id)
    if (!bill || bill.state === 'voided') throw invalidField('incoming_id', `incoming ${id} does not exist`)
    return bill.billId
  },
}

export const SUPPLIER_RECORDS: readonly RecordSpec[] = [
  tags('supplier-tags', 'supplier-tag', supplierParent),
  properties('supplier-properties', 'supplier-property'),
  propertyValues('supplier-property-values', 'supplier-property-value', supplierParent, 'supplier-property'),
  properties('incoming-properties', 'incoming-property'),
  tags('incoming-tags', 'incoming-tag', incomingParent),
  comments('incoming-comments', 'incoming-comment', incomingParent),
  propertyValues('incoming-property-values', 'incoming-property-value', incomingParent, 'incoming-property'),
  properties('user-properties', 'user-property'),
]

/**
 * The custom attribute values of each owner, as Billomat embeds them in the owner's answer
 * (`supplier-property-values`, `incoming-property-values`): with the attribute's type and name.
 */
export async function embeddedPropertyValues(
  core: CoreContext,
  tenant: Tenant,
  owner: Readonly<{ element: string; field: string; ids: ReadonlyMap<string, bigint> }>,
): Promise<Map<string, WireRecord[]>> {
  const embedded = new Map<string, WireRecord[]>()
  if (owner.ids.size === 0) return embedded
  const values = await listRecords(core, tenant, `${owner.element}-property-value`, {
    filters: [{ field: 'ownerId', op: 'in', value: [...owner.ids.keys()] }],
    limit: 1000,
    offset: 0,
  })
  const propertyField = `${owner.element}_property_id`
  const propertyNos = [...new Set(values.items.map((value) => BigInt(String(value.data[propertyField]))))]
  const definitions =
    propertyNos.length === 0
      ? []
      : (
          await listRecords(core, tenant, `${owner.element}-property`, {
            filters: [{ field: 'recordNo', op: 'in', value: propertyNos }],
            limit: 1000,
            offset: 0,
          })
        ).items
  const byNo = new Map(definitions.map((definition) => [String(definition.recordNo), definition.data]))
  for (const value of values.items) {
    const definition = byNo.get(String(value.data[propertyField])) ?? {}
    const wire = record(`${owner.element}-property-value`, [
      int('id', value.recordNo),
      int(owner.field, owner.ids.get(value.ownerId ?? '') ?? null),
      int(propertyField, String(value.data[propertyField])),
      str('type', String(definition.type ?? 'TEXTFIELD')),
      str('name', String(definition.name ?? '')),
      str('value', String(value.data.value ?? '')),
      str('customfield', (value.data.customfield as string | undefined) ?? null),
    ])
    embedded.set(value.ownerId ?? '', [...(embedded.get(value.ownerId ?? '') ?? []), wire])
  }
  return embedded
}
