// Maps contact rows to the domain's Contact and back; the one place that knows the columns.

import type { Contact, ContactFields } from '../../domain/contacts/contact.ts'
import type { ContactsTable } from '../../storage/schema.ts'

export function contactFromRow(row: ContactsTable): Contact {
  return {
    contactId: row.contact_id,
    contactNo: row.contact_no,
    kind: row.kind === 'person' ? 'person' : 'company',
    name: row.name,
    orgNo: row.org_no,
    vatNo: row.vat_no,
    email: row.email,
    phone: row.phone,
    address: { street: row.street, street2: row.street2, zip: row.zip, city: row.city, country: row.country },
    locale: row.locale,
    currency: row.currency,
    paymentTermsDays: row.payment_terms_days,
    isCustomer: row.is_customer,
    isSupplier: row.is_supplier,
    notes: row.notes,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function contactColumns(fields: ContactFields) {
  return {
    kind: fields.kind,
    name: fields.name.trim(),
    org_no: fields.orgNo,
    vat_no: fields.vatNo,
    email: fields.email,
    phone: fields.phone,
    street: fields.address.street ?? null,
    street2: fields.address.street2 ?? null,
    zip: fields.address.zip ?? null,
    city: fields.address.city ?? null,
    country: fields.address.country ?? null,
    locale: fields.locale,
    currency: fields.currency,
    payment_terms_days: fields.paymentTermsDays,
    is_customer: fields.isCustomer,
    is_supplier: fields.isSupplier,
    notes: fields.notes,
    extra: JSON.stringify(fields.extra),
  }
}
