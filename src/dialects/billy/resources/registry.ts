// Every resource the Billy dialect serves, in one registry the engine, the routes and the
// OpenAPI document read.

import { createRegistry } from '../engine/registry.ts'
import { accountGroups, accounts } from './accounts.ts'
import { cities, states, zipcodes } from './addresses.ts'
import { balanceModifiers } from './balance-modifiers.ts'
import { bankLineMatches, bankLineSubjectAssociations, bankLines } from './bank-matches.ts'
import { bankPayments } from './bank-payments.ts'
import { billLines, bills } from './bills.ts'
import { contactBalancePayments } from './contact-balance-payments.ts'
import { contactBalancePostings } from './contact-balance-postings.ts'
import { contactPersons } from './contact-persons.ts'
import { contacts } from './contacts.ts'
import { daybookBalanceAccounts } from './daybook-balance-accounts.ts'
import { daybooks, daybookTransactionLines, daybookTransactions } from './daybooks.ts'
import { attachments, files } from './files.ts'
import { invoiceLateFees } from './invoice-late-fees.ts'
import { invoiceLines } from './invoice-lines.ts'
import { invoiceReminderAssociations, invoiceReminders } from './invoice-reminders.ts'
import { invoices } from './invoices.ts'
import { postings, transactions } from './ledger.ts'
import { organizations, users } from './organizations.ts'
import { productPrices } from './product-prices.ts'
import { products } from './products.ts'
import { accountNatures, countries, countryGroups, currencies, locales } from './reference.ts'
import {
  salesTaxAccounts,
  salesTaxMetaFields,
  salesTaxRules,
  taxRateDeductionComponents,
} from './sales-tax.ts'
import { salesTaxPayments, salesTaxReturns } from './sales-tax-returns.ts'
import { salesTaxRulesets, taxRates } from './tax-rates.ts'

export const BILLY_REGISTRY = createRegistry([
  organizations,
  users,
  contacts,
  contactPersons,
  products,
  productPrices,
  invoices,
  invoiceLines,
  invoiceLateFees,
  invoiceReminders,
  invoiceReminderAssociations,
  bills,
  billLines,
  bankPayments,
  bankLineMatches,
  bankLines,
  bankLineSubjectAssociations,
  balanceModifiers,
  accounts,
  accountGroups,
  transactions,
  postings,
  contactBalancePostings,
  contactBalancePayments,
  daybooks,
  daybookBalanceAccounts,
  daybookTransactions,
  daybookTransactionLines,
  files,
  attachments,
  taxRates,
  salesTaxRulesets,
  salesTaxRules,
  taxRateDeductionComponents,
  salesTaxAccounts,
  salesTaxMetaFields,
  salesTaxReturns,
  salesTaxPayments,
  accountNatures,
  countries,
  countryGroups,
  currencies,
  locales,
  states,
  cities,
  zipcodes,
])
