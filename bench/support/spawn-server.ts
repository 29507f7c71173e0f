// Starts a server as a child process and measures it from outside, the way an operator would:
// time from spawn to the first 200 from a URL, and resident memory read from /proc. Every wait
// has a deadline, and the child is always stopped.

import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

const POLL_INTERVAL_MS = 10
const PROBE_TIMEOUT_MS = 250
const STOP_TIMEOUT_MS = 5_000

export type RunningChild = Readonly<{ child: ChildProcess; output: () => string }>

/** Runs `node args...` from the repository root with the same Node as this process. */
export function spawnNode(args: readonly string[], env: NodeJS.ProcessEnv): RunningChild {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  // Draining both pipes keeps a chatty logger from blocking on a full pipe; the tail is kept for errors.
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-64_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return { child, output: () => output }
}

function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.once('timeout', () => req.destroy())
    req.once('error', () => resolve(0))
    req.end()
  })
}

/** Milliseconds from `startedMs` until `url` answers 200, polling every 10 ms. */
export async function timeToFirst200(
  running: RunningChild,
  url: string,
  startedMs: number,
  deadlineMs: number,
): Promise<number> {
  while (performance.now() - startedMs < deadlineMs) {
    if (running.child.exitCode !== null)
      throw new Error(`the server exited with ${running.child.exitCode}:\n${running.output()}`)
    if ((await probe(url)) === 200) return performance.now() - startedMs
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS))
  }
  throw new Error(`${url} did not answer 200 within ${deadlineMs} ms:\n${running.output()}`)
}

/** The child's resident set size in MiB, from the kernel's own accounting (Linux). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)
  if (!match) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) / 1024
}

/** SIGTERM, then SIGKILL if the child has not exited in time. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}

/** Runs `node args...` to completion and returns its wall time; fails on a non-zero exit. */
export async function runToExit(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<number> {
  const startedMs = performance.now()
  const running = spawnNode(args, env)
  const timer = setTimeout(() => running.child.kill('SIGKILL'), timeoutMs)
  const code = await new Promise<number | null>((resolve) => running.child.once('exit', resolve))
  clearTimeout(timer)
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${running.output()}`)
  return performance.now() - startedMs
}
