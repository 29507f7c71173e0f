// Countries, country groups and locales as Billy serves them: reference data the same for every
// organization, readable without credentials. Names come from ICU in the language the client asks
// for (Billy localizes by Accept-Language); Billy's icon names are not public, so icon is null.

/** ISO 3166-1 alpha-2, every officially assigned code. */
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'

export const COUNTRY_CODES: readonly string[] = CODES.split(' ')

export { EU_MEMBERS } from '../../../domain/tax/sales-tax-rule.ts'

/** Countries whose addresses carry a state Billy lists (its `hasStates`). */
const WITH_STATES = new Set(['US', 'CA', 'AU'])

/** The locale Billy suggests for a country's contacts; English where Faktura has no closer one. */
const COUNTRY_LOCALE: Readonly<Record<string, string>> = {
  DK: 'da_DK',
  SE: 'sv_SE',
  DE: 'de_DE',
  AT: 'de_DE',
  CH: 'de_DE',
}

export type Locale = Readonly<{ id: string; language: string }>

export const LOCALES: readonly Locale[] = [
  { id: 'da_DK', language: 'da' },
  { id: 'en_US', language: 'en' },
  { id: 'en_GB', language: 'en' },
  { id: 'sv_SE', language: 'sv' },
  { id: 'de_DE', language: 'de' },
  { id: 'nb_NO', language: 'nb' },
  { id: 'fr_FR', language: 'fr' },
  { id: 'nl_NL', language: 'nl' },
  { id: 'es_ES', language: 'es' },
  { id: 'fi_FI', language: 'fi' },
]

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.includes(code)
}

export function regionName(code: string, language: string): string {
  return new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code
}

export function countryRecord(code: string, language: string) {
  return {
    id: code,
    name: regionName(code, language),
    hasStates: WITH_STATES.has(code),
    hasFiniteStates: WITH_STATES.has(code),
    hasFiniteZipcodes: code === 'DK',
    icon: null,
    localeId: COUNTRY_LOCALE[code] ?? 'en_US',
  }
}

export function localeRecord(locale: Locale, language: string) {
  const name = new Intl.DisplayNames([language, 'en'], { type: 'language' }).of(locale.id.replace('_', '-'))
  return { id: locale.id, name: name ?? locale.id, icon: null }
}

/** Faktura's locale ('da', 'en') as Billy's locale id, and back. */
export function billyLocaleId(locale: string | null | undefined): string | null {
  if (!locale) return null
  const language = locale.slice(0, 2).toLowerCase()
  return LOCALES.find((item) => item.id === locale || item.language === language)?.id ?? null
}

export function coreLocaleOf(localeId: string): string {
  return localeId.slice(0, 2).toLowerCase()
}
