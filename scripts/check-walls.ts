// Fails when an import crosses one of the module walls in ../shared/DESIGN.md:
// domain imports only domain; core imports domain and storage; a dialect never imports storage or
// another dialect; delivery, documents and jobs never import a dialect; storage imports no layer above it.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const SRC = join(ROOT, 'src')

type Rule = Readonly<{ from: RegExp; allowed?: RegExp; forbidden?: RegExp; packages: boolean; why: string }>

const RULES: readonly Rule[] = [
  {
    from: /^domain\//,
    allowed: /^domain\//,
    packages: false,
    why: 'domain/ is pure: it imports nothing outside domain/',
  },
  {
    from: /^core\//,
    allowed: /^(core|domain|storage)\//,
    packages: true,
    why: 'core/ imports only domain/ and storage/',
  },
  {
    from: /^dialects\/([^/]+)\//,
    forbidden: /^(storage|jobs|delivery)\//,
    packages: true,
    why: 'a dialect goes through core/, never storage/',
  },
  {
    from: /^(delivery|documents|jobs)\//,
    forbidden: /^dialects\//,
    packages: true,
    why: 'delivery/, documents/ and jobs/ never import a dialect',
  },
  {
    from: /^storage\//,
    forbidden: /^(core|dialects|http|delivery|documents|jobs|cli)\//,
    packages: true,
    why: 'storage/ sits below every layer that uses it',
  },
]

const TEST_PACKAGES = new Set(['vitest', 'fast-check'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? '')
}

export function violations(srcDir: string = SRC): string[] {
  const problems: string[] = []
  for (const file of sourceFiles(srcDir)) {
    const from = relative(srcDir, file).split(sep).join('/')
    for (const specifier of importsOf(file)) {
      const isRelative = specifier.startsWith('.')
      const target = isRelative
        ? relative(srcDir, resolve(dirname(file), specifier))
            .split(sep)
            .join('/')
        : undefined
      for (const rule of RULES) {
        const match = rule.from.exec(from)
        if (!match) continue
        if (!isRelative) {
          // Tests beside the code may use the test libraries; the code itself may not.
          if (!rule.packages && !(from.endsWith('.test.ts') && TEST_PACKAGES.has(specifier))) {
            problems.push(`${from} imports ${specifier}: ${rule.why}`)
          }
          continue
        }
        if (!target) continue
        if (rule.allowed && !rule.allowed.test(target))
          problems.push(`${from} imports ${target}: ${rule.why}`)
        if (rule.forbidden?.test(target)) problems.push(`${from} imports ${target}: ${rule.why}`)
        const ownDialect = match[1]
        if (
          from.startsWith('dialects/') &&
          ownDialect &&
          target.startsWith('dialects/') &&
          !target.startsWith(`dialects/${ownDialect}/`) &&
          !/^dialects\/[^/]+\.ts$/.test(target)
        ) {
          problems.push(`${from} imports ${target}: a dialect never imports another dialect`)
        }
      }
    }
  }
  return problems
}

if (import.meta.main) {
  const problems = violations()
  for (const problem of problems) console.error(`wall crossed: ${problem}`)
  if (problems.length > 0) process.exit(1)
  console.log('module walls hold')
}
