// The chart of accounts a new organization starts with, by country. The invariant it protects: a
// country either gets a complete chart (every role resolved, checked by the tests) or none at all,
// so an organization is never created with a ledger its posting rules cannot use.

import type { ChartOfAccounts } from './chart-of-accounts.ts'
import { DANISH_STANDARD_CHART } from './charts/danish-standard.ts'
import { GERMAN_SKR03_CHART } from './charts/german-skr03.ts'
import { SWEDISH_BAS_CHART } from './charts/swedish-bas.ts'

export type DefaultChart = Readonly<{ id: string; country: string; accounts: ChartOfAccounts }>

export const DEFAULT_CHARTS: readonly DefaultChart[] = [
  { id: 'dk-billy-standard', country: 'DK', accounts: DANISH_STANDARD_CHART },
  { id: 'se-bas', country: 'SE', accounts: SWEDISH_BAS_CHART },
  { id: 'de-skr03', country: 'DE', accounts: GERMAN_SKR03_CHART },
]

/**
 * Undefined for a country Faktura has no chart for yet; the caller decides whether to refuse the
 * organization or to start it from another country's chart.
 */
export function findDefaultChart(countryCode: string): DefaultChart | undefined {
  return DEFAULT_CHARTS.find((chart) => chart.country === countryCode)
}
