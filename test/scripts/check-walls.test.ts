// Proves the module-wall check catches each kind of crossing in a small source tree, and passes
// on Faktura's own tree.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { violations } from '../../scripts/check-walls.ts'

let root = ''
afterEach(() => rmSync(root, { recursive: true, force: true }))

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'faktura-walls-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

test('the project tree holds every wall', () => {
  expect(violations()).toEqual([])
})

test('domain importing storage, a package or a node built-in is a crossing', () => {
  const src = tree({
    'domain/a.ts':
      "import { x } from '../storage/db.ts'\nimport pg from 'pg'\nimport { readFileSync } from 'node:fs'\n",
    'storage/db.ts': 'export const x = 1\n',
  })

  expect(violations(src)).toHaveLength(3)
})

test('a dialect importing storage or another dialect is a crossing', () => {
  const src = tree({
    'dialects/billy/routes.ts':
      "import { x } from '../../storage/db.ts'\nimport { y } from '../billomat/wire.ts'\n",
    'storage/db.ts': 'export const x = 1\n',
    'dialects/billomat/wire.ts': 'export const y = 1\n',
  })

  expect(violations(src).map((problem) => problem.split(':')[0])).toEqual([
    'dialects/billy/routes.ts imports storage/db.ts',
    'dialects/billy/routes.ts imports dialects/billomat/wire.ts',
  ])
})

test('core importing http and delivery importing a dialect are crossings; tests may use vitest', () => {
  const src = tree({
    'core/a.ts': "import { s } from '../http/server.ts'\n",
    'http/server.ts': 'export const s = 1\n',
    'delivery/b.ts': "import { p } from '../dialects/billy/plugin.ts'\n",
    'dialects/billy/plugin.ts': 'export const p = 1\n',
    'domain/c.test.ts': "import { expect } from 'vitest'\n",
  })

  expect(violations(src)).toHaveLength(2)
})
