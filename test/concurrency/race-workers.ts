// The parent side of a cross-process race: spawns one Node process per input, waits until every
// one has its pool open, releases them together, and collects their reports. Everything is
// bounded: a worker that does not report in time is killed and the race fails.

import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { GO_LINE, READY_LINE, type WorkerReport } from './fixtures/race-protocol.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

type Worker = Readonly<{ child: ChildProcess; ready: Promise<void>; report: Promise<unknown> }>

function startWorker(script: string, input: unknown): Worker {
  // process.execPath is the pinned Node 24 that runs vitest, so the worker strips types the same way.
  const child = spawn(process.execPath, [script, JSON.stringify(input)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const lines = createInterface({ input: child.stdout! })
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    markReady = resolve
  })
  const report = new Promise<unknown>((resolve, reject) => {
    let last: unknown
    lines.on('line', (line) => {
      if (line === READY_LINE) markReady()
      else if (line.startsWith('{')) last = JSON.parse(line)
    })
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      if (code === 0 && last !== undefined) resolve(last)
      else reject(new Error(`worker ${child.pid} exited with ${code ?? signal}:\n${stderr}`))
    })
  })
  // Killed workers reject after the race is decided; that must not surface as an unhandled rejection.
  report.catch(() => {})
  // A worker that dies before saying ready must fail the race, not hang it.
  return { child, ready: Promise.race([ready, report.then(() => {})]), report }
}

/** Spawns one worker per input, starts them together and returns their reports in input order. */
export async function raceWorkers<T>(
  script: string,
  inputs: readonly unknown[],
  timeoutMs: number,
): Promise<WorkerReport<T>[]> {
  const workers = inputs.map((input) => startWorker(script, input))
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the race did not finish within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([Promise.all(workers.map((worker) => worker.ready)), deadline])
    for (const worker of workers) worker.child.stdin?.end(`${GO_LINE}\n`)
    const reports = await Promise.race([Promise.all(workers.map((worker) => worker.report)), deadline])
    return reports as WorkerReport<T>[]
  } finally {
    clearTimeout(timer)
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL')
  }
}

export type FailureSummary = Readonly<{
  code: string | undefined
  message: string
  count: number
  pids: readonly number[]
  firstStack: string | undefined
}>

/**
 * The failed tasks of every worker grouped by error code and message, with the first stack of
 * each group: a deadlock (40P01) or serialization failure (40001) is a bug to read, not to retry.
 */
export function failuresOf<T>(reports: readonly WorkerReport<T>[]): FailureSummary[] {
  const groups = new Map<
    string,
    {
      code: string | undefined
      message: string
      count: number
      pids: Set<number>
      firstStack: string | undefined
    }
  >()
  for (const report of reports) {
    for (const outcome of report.outcomes) {
      if (outcome.ok) continue
      const key = `${outcome.error.code}|${outcome.error.message}`
      const group = groups.get(key) ?? {
        ...outcome.error,
        count: 0,
        pids: new Set<number>(),
        firstStack: outcome.error.stack,
      }
      group.count += 1
      group.pids.add(report.pid)
      groups.set(key, group)
    }
  }
  return [...groups.values()].map((group) => ({
    code: group.code,
    message: group.message,
    count: group.count,
    pids: [...group.pids],
    firstStack: group.firstStack,
  }))
}

/** The successful values of every worker, in one list. */
export function valuesOf<T>(reports: readonly WorkerReport<T>[]): T[] {
  return reports.flatMap((report) =>
    report.outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : [])),
  )
}
