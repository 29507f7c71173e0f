// The core schema. Every tenant table leads its primary key and every unique key with
// organization_id, so the whole schema can be distributed on that column (Citus) unchanged.
// Types are chosen to mean the same on both engines: bigint for money in minor units, text
// for fixed-point decimals (SQLite's numeric affinity would turn them into floats), text for
// JSON, date for calendar days and timestamptz for instants (read back as ISO strings).

import type { Kysely } from 'kysely'
import { invoicing } from './0001-core-invoicing.ts'
import { ledgerAndEffects } from './0001-core-ledger.ts'

type Db = Kysely<unknown>

const TIMESTAMPS = ['created_at', 'updated_at'] as const

async function organizations(db: Db): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('clock_offset_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('organizations_pk', ['organization_id'])
    .execute()

  await db.schema
    .createTable('credentials')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('credential_id', 'text', (c) => c.notNull())
    .addColumn('dialect', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the client sends in clear beside the secret (user id, billomat id, email), or the
    // credential id embedded in an opaque token; it finds the row before the organization is known.
    .addColumn('lookup_key', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addPrimaryKeyConstraint('credentials_pk', ['organization_id', 'credential_id'])
    .execute()
  await db.schema.createIndex('credentials_lookup').on('credentials').columns(['lookup_key']).execute()

  // Per-organization counters for the whole numbers clients see as ids (Billomat's integer ids,
  // Billogram's customer_no): one row per counter, locked only by those who take from it.
  await db.schema
    .createTable('counters')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('counter_key', 'text', (c) => c.notNull())
    .addColumn('next_value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['organization_id', 'counter_key'])
    .execute()

  await db.schema
    .createTable('numbering_series')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('series_key', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('padding', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_number', 'bigint', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('numbering_series_pk', ['organization_id', 'series_key'])
    .execute()
}

async function contactsAndProducts(db: Db): Promise<void> {
  let contacts = db.schema
    .createTable('contacts')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('contact_no', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_no', 'text')
    .addColumn('vat_no', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('street', 'text')
    .addColumn('street2', 'text')
    .addColumn('zip', 'text')
    .addColumn('city', 'text')
    .addColumn('country', 'text')
    .addColumn('locale', 'text')
    .addColumn('currency', 'text')
    .addColumn('payment_terms_days', 'integer')
    .addColumn('is_customer', 'boolean', (c) => c.notNull())
    .addColumn('is_supplier', 'boolean', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
  for (const column of TIMESTAMPS) contacts = contacts.addColumn(column, 'timestamptz', (c) => c.notNull())
  await contacts
    .addPrimaryKeyConstraint('contacts_pk', ['organization_id', 'contact_id'])
    .addUniqueConstraint('contacts_no_unique', ['organization_id', 'contact_no'])
    .execute()

  await db.schema
    .createTable('contact_persons')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('contact_person_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('person_seq', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('is_primary', 'boolean', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_persons_pk', ['organization_id', 'contact_person_id'])
    .addUniqueConstraint('contact_persons_seq_unique', ['organization_id', 'person_seq'])
    .addForeignKeyConstraint('contact_persons_contact_fk', ['organization_id', 'contact_id'], 'contacts', [
      'organization_id',
      'contact_id',
    ])
    .execute()

  let products = db.schema
    .createTable('products')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_seq', 'bigint', (c) => c.notNull())
    .addColumn('product_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('unit', 'text')
    .addColumn('vat_rate_percent', 'text', (c) => c.notNull())
    .addColumn('tax_treatment', 'text', (c) => c.notNull())
    .addColumn('price_basis', 'text', (c) => c.notNull())
    .addColumn('revenue_account_number', 'text')
    .addColumn('is_archived', 'boolean', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
  for (const column of TIMESTAMPS) products = products.addColumn(column, 'timestamptz', (c) => c.notNull())
  await products
    .addPrimaryKeyConstraint('products_pk', ['organization_id', 'product_id'])
    .addUniqueConstraint('products_no_unique', ['organization_id', 'product_no'])
    .addUniqueConstraint('products_seq_unique', ['organization_id', 'product_seq'])
    .execute()

  await db.schema
    .createTable('product_prices')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('unit_price', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_prices_pk', ['organization_id', 'product_id', 'currency'])
    .addForeignKeyConstraint('product_prices_product_fk', ['organization_id', 'product_id'], 'products', [
      'organization_id',
      'product_id',
    ])
    .execute()
}

export async function up(db: Db): Promise<void> {
  await organizations(db)
  await contactsAndProducts(db)
  await invoicing(db)
  await ledgerAndEffects(db)
}
