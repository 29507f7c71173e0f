// Starts a throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary
// directory, pg_ctl on a free loopback port, and a clean stop afterwards. PostgreSQL refuses to
// run as root, so under root the cluster runs as the `postgres` system user.

import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { userInfo } from 'node:os'
import { join } from 'node:path'

export type PostgresCluster = Readonly<{ url: string; stop: () => void }>

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function runAs(user: string | undefined, command: string, args: string[]): void {
  const [file, argv] = user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args]
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] })
}

function postgresUid(): { uid: number; gid: number } {
  const line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':')
  return { uid: Number(line[2]), gid: Number(line[3]) }
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync('/tmp/faktura-pg-')
  const user = userInfo().uid === 0 ? 'postgres' : undefined
  if (user) {
    const { uid, gid } = postgresUid()
    chownSync(dir, uid, gid)
  }
  chmodSync(dir, 0o700)
  const dataDir = join(dir, 'data')
  const port = await freePort()
  runAs(user, 'initdb', [
    '-D',
    dataDir,
    '-U',
    'faktura',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--locale=C',
  ])
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ')
  runAs(user, 'pg_ctl', ['-D', dataDir, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
  let stopped = false
  return {
    url: `postgres://faktura@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return
      stopped = true
      try {
        runAs(user, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
