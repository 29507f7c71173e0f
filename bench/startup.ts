// How fast a fresh install answers /healthz and how much memory it holds at idle, against a bare
// `node:http` server started the same way in the same run. Three cases: `serve` on a migrated data
// directory (a restart), the same for the baseline, and `start` on an empty directory (npm start's
// first run, which migrates and creates the demo organization with scrypt-hashed credentials).
// Runs alternate between Faktura and the baseline, and medians are printed, because these machines
// are noisy. Run: `npm run bench:startup`; BENCH_RUNS sets the runs per case. Always SQLite: the
// children get no DATABASE_URL.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './support/free-port.ts'
import { note, printJsonLine, rounded } from './support/json-line.ts'
import { residentMiB, runToExit, spawnNode, stopChild, timeToFirst200 } from './support/spawn-server.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? '3')
const IDLE_MS = 3_000
const HEALTHZ_DEADLINE_MS = 30_000
const MIGRATE_TIMEOUT_MS = 60_000
const HEALTHZ_TARGET_MS = 1_000
const RSS_TARGET_MIB = 150
const CLI = 'bin/faktura.js'
const BARE_SERVER = [
  '-e',
  "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.argv[1]), '127.0.0.1')",
]

type Sample = Readonly<{ healthzMs: number; rssMiB: number; readyMs: number }>

// `serve --json` prints {"event":"listening","readyMs":...}: the time from its command starting
// (after all imports) to listening. healthzMs minus this is Node's boot and module loading.
function reportedReadyMs(output: string): number {
  const line = output.split('\n').find((text) => text.includes('"event":"listening"'))
  return line ? Number((JSON.parse(line) as { readyMs?: number }).readyMs ?? Number.NaN) : Number.NaN
}

function childEnv(): NodeJS.ProcessEnv {
  // The same environment `npm start` gives the server (see package.json).
  const env: NodeJS.ProcessEnv = { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072' }
  delete env.DATABASE_URL
  delete env.FAKTURA_DATA_DIR
  delete env.PORT
  return env
}

/** Spawns `node args`, times its first 200 from /healthz, idles, reads its RSS and stops it. */
async function sample(args: (port: number) => string[]): Promise<Sample> {
  const port = await freePort()
  const startedMs = performance.now()
  const running = spawnNode(args(port), childEnv())
  try {
    const healthzMs = await timeToFirst200(
      running,
      `http://127.0.0.1:${port}/healthz`,
      startedMs,
      HEALTHZ_DEADLINE_MS,
    )
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS))
    return {
      healthzMs,
      rssMiB: residentMiB(running.child.pid!),
      readyMs: reportedReadyMs(running.output()),
    }
  } finally {
    await stopChild(running.child)
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function medians(samples: readonly Sample[]): Sample {
  return {
    healthzMs: median(samples.map((s) => s.healthzMs)),
    rssMiB: median(samples.map((s) => s.rssMiB)),
    readyMs: median(samples.map((s) => s.readyMs)),
  }
}

function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'faktura-bench-startup-'))
  return work(dir).finally(() => rmSync(dir, { recursive: true, force: true }))
}

async function benchServe(): Promise<void> {
  await withTempDir(async (dataDir) => {
    const migrateMs = await runToExit([CLI, 'migrate', '--data-dir', dataDir], childEnv(), MIGRATE_TIMEOUT_MS)
    const faktura: Sample[] = []
    const baseline: Sample[] = []
    for (let run = 0; run < RUNS; run += 1) {
      note(`[startup] serve and bare node:http, run ${run + 1} of ${RUNS}`)
      faktura.push(
        await sample((port) => [CLI, 'serve', '--data-dir', dataDir, '--port', String(port), '--json']),
      )
      baseline.push(await sample((port) => [...BARE_SERVER, String(port)]))
    }
    const ours = medians(faktura)
    const bare = medians(baseline)
    printJsonLine({
      bench: 'startup',
      command: 'serve',
      runs: RUNS,
      healthzMs: rounded(ours.healthzMs, 0),
      rssMiB: rounded(ours.rssMiB, 1),
      serverReadyMs: rounded(ours.readyMs, 0),
      baselineHealthzMs: rounded(bare.healthzMs, 0),
      baselineRssMiB: rounded(bare.rssMiB, 1),
      firstMigrateMs: rounded(migrateMs, 0),
      meetsTargets: ours.healthzMs <= HEALTHZ_TARGET_MS && ours.rssMiB < RSS_TARGET_MIB,
    })
  })
}

async function benchFirstStart(): Promise<void> {
  const samples: Sample[] = []
  for (let run = 0; run < RUNS; run += 1) {
    note(`[startup] start on an empty data directory, run ${run + 1} of ${RUNS}`)
    samples.push(
      await withTempDir((dataDir) =>
        sample((port) => [CLI, 'start', '--data-dir', dataDir, '--port', String(port), '--json']),
      ),
    )
  }
  const ours = medians(samples)
  printJsonLine({
    bench: 'startup',
    command: 'start (first run: migrations and demo organization)',
    runs: RUNS,
    healthzMs: rounded(ours.healthzMs, 0),
    rssMiB: rounded(ours.rssMiB, 1),
    serverReadyMs: rounded(ours.readyMs, 0),
  })
}

await benchServe()
await benchFirstStart()
