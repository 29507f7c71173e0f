// Gives a new organization the chart of accounts of its country. Countries without a chart of
// their own start from their neighbour's (AT and CH from SKR03, NO, FI and IS from BAS); any other
// country starts from the Danish standard chart, the one the Billy dialect documents.

import { assert } from '../../domain/assert.ts'
import { findDefaultChart } from '../../domain/ledger/default-chart.ts'
import type { Tx } from '../../storage/database.ts'
import { newId } from '../../storage/ids.ts'

const NEIGHBOUR_CHART: Readonly<Record<string, string>> = {
  AT: 'DE',
  CH: 'DE',
  LI: 'DE',
  LU: 'DE',
  NO: 'SE',
  FI: 'SE',
  IS: 'SE',
}

export function chartCountryFor(country: string): string {
  if (findDefaultChart(country)) return country
  return NEIGHBOUR_CHART[country] ?? 'DK'
}

export async function seedChartOfAccounts(
  tx: Tx,
  input: { organizationId: string; country: string; createdAt: string },
): Promise<void> {
  const chart = findDefaultChart(chartCountryFor(input.country))
  assert(chart, 'every fallback country has a default chart')
  await tx
    .insertInto('accounts')
    .values(
      chart.accounts.map((account) => ({
        organization_id: input.organizationId,
        account_id: newId(),
        account_number: account.number,
        name: account.name,
        nature: account.nature,
        role: account.role ?? null,
        vat_rate_percent: account.vatRatePercent ?? null,
        is_archived: false,
        extra: '{}',
        created_at: input.createdAt,
      })),
    )
    .execute()
}
