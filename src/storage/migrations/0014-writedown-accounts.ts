// The accounts a write-down posts to (a provision for a doubtful receivable and the contra account
// that holds it against receivables), added to the charts of organizations created before the
// default charts had them. Each organization's chart is recognised by its receivables account, the
// one number every default chart fixes. An account already serving the role is kept; a free account
// with the number and a fitting nature is given the role; otherwise the account is added. The
// accounts are written out here rather than read from the charts, so this migration stays what it
// was when it ran.

import type { Kysely } from 'kysely'
import { newId } from '../ids.ts'

type NewAccount = Readonly<{ number: string; name: string; nature: 'asset' | 'expense'; role: string }>

const BY_RECEIVABLES: Readonly<Record<string, readonly NewAccount[]>> = {
  // BAS
  '1510': [
    {
      number: '1519',
      name: 'Nedskrivning av kundfordringar',
      nature: 'asset',
      role: 'doubtfulDebtAllowance',
    },
    { number: '6351', name: 'Befarade förluster på kundfordringar', nature: 'expense', role: 'doubtfulDebt' },
  ],
  // SKR03
  '1400': [
    {
      number: '0998',
      name: 'Einzelwertberichtigung zu Forderungen mit einer Restlaufzeit bis zu 1 Jahr',
      nature: 'asset',
      role: 'doubtfulDebtAllowance',
    },
    {
      number: '2451',
      name: 'Einstellungen in die Einzelwertberichtigung zu Forderungen',
      nature: 'expense',
      role: 'doubtfulDebt',
    },
  ],
  // Billy's Danish standard chart
  '5810': [
    {
      number: '5815',
      name: 'Hensættelse til tab på debitorer',
      nature: 'asset',
      role: 'doubtfulDebtAllowance',
    },
    { number: '1891', name: 'Befarede tab på debitorer', nature: 'expense', role: 'doubtfulDebt' },
  ],
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work below the typed schema
type Db = Kysely<any>

type AccountRow = { account_id: string; account_number: string; nature: string; role: string | null }

export async function up(db: Db): Promise<void> {
  const receivables: { organization_id: string; account_number: string }[] = await db
    .selectFrom('accounts')
    .select(['organization_id', 'account_number'])
    .where('role', '=', 'receivables')
    .execute()
  const createdAt = new Date().toISOString()
  for (const { organization_id: org, account_number } of receivables) {
    const wanted = BY_RECEIVABLES[account_number] ?? []
    if (wanted.length === 0) continue
    const rows: AccountRow[] = await db
      .selectFrom('accounts')
      .select(['account_id', 'account_number', 'nature', 'role'])
      .where('organization_id', '=', org)
      .execute()
    for (const account of wanted) await addAccount(db, org, rows, account, createdAt)
  }
}

async function addAccount(
  db: Db,
  org: string,
  rows: readonly AccountRow[],
  account: NewAccount,
  createdAt: string,
) {
  if (rows.some((row) => row.role === account.role)) return
  const same = rows.find((row) => row.account_number === account.number)
  if (same) {
    if (same.role === null && same.nature === account.nature)
      await db
        .updateTable('accounts')
        .set({ role: account.role })
        .where('organization_id', '=', org)
        .where('account_id', '=', same.account_id)
        .execute()
    return
  }
  await db
    .insertInto('accounts')
    .values({
      organization_id: org,
      account_id: newId(),
      account_number: account.number,
      name: account.name,
      nature: account.nature,
      role: account.role,
      vat_rate_percent: null,
      is_archived: false,
      extra: '{}',
      created_at: createdAt,
    })
    .execute()
}
