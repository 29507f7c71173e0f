// One webhook attempt: an HTTP POST with a deadline, to an address the network guard vetted.
// Never throws for anything the receiver or the network does; every outcome comes back as a
// result, so that each attempt can be recorded the same way.

import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'
import { type NetworkPolicy, type VettedAddress, vetHost } from './network-guard.ts'

export type WebhookSigner = (body: string, timestampSeconds: number) => Readonly<Record<string, string>>

export type WebhookRequest = Readonly<{
  url: string
  body: string
  headers?: Readonly<Record<string, string>>
  /** Deadline for the whole attempt: resolving, connecting, sending and reading the answer. */
  timeoutMs: number
  /** Adds signature headers; called on every attempt, so each carries a fresh timestamp. */
  sign?: WebhookSigner
  network?: NetworkPolicy
  /** How much of the response body to keep; the rest is not read. */
  snippetBytes?: number
  now?: () => Date
}>

export type WebhookErrorKind = 'refused' | 'timeout' | 'network' | 'http'

export type WebhookResult = Readonly<{
  /** The receiver's HTTP status, or null when there was no answer. */
  status: number | null
  durationMs: number
  responseBodySnippet: string
  /** Absent exactly when the receiver answered 2xx. */
  error?: Readonly<{ kind: WebhookErrorKind; message: string }>
  /** Whether the same request might succeed later: timeouts, network errors, 408, 429, 5xx. */
  retryable: boolean
  /** The receiver's Retry-After, when it sent one in seconds. */
  retryAfterMs?: number
}>

const DEFAULT_SNIPPET_BYTES = 1024

export async function postWebhook(request: WebhookRequest): Promise<WebhookResult> {
  const startedMs = performance.now()
  const elapsedMs = (): number => Math.round(performance.now() - startedMs)
  const signal = AbortSignal.timeout(request.timeoutMs)
  try {
    const url = parseWebhookUrl(request.url)
    const addresses = await untilAborted(vetHost(url.hostname, request.network ?? {}), signal)
    const answer = await exchange(
      url,
      addresses,
      headersFor(request),
      request.body,
      signal,
      request.snippetBytes,
    )
    return resultOf(answer, elapsedMs())
  } catch (error) {
    const durationMs = elapsedMs()
    if (error instanceof PermanentDeliveryError) {
      return failure({ kind: 'refused', message: error.message }, durationMs, false)
    }
    if (signal.aborted) {
      return failure(
        { kind: 'timeout', message: `no answer within ${request.timeoutMs} ms` },
        durationMs,
        true,
      )
    }
    return failure({ kind: 'network', message: describe(error) }, durationMs, true)
  }
}

function parseWebhookUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new PermanentDeliveryError(`${JSON.stringify(text)} is not a URL`, { field: 'url' })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PermanentDeliveryError(`webhook URLs must be http or https, not ${url.protocol}`, {
      field: 'url',
    })
  }
  return url
}

function headersFor(request: WebhookRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Faktura-Webhooks/1',
  }
  const timestampSeconds = Math.floor((request.now?.() ?? new Date()).getTime() / 1000)
  const signature = request.sign?.(request.body, timestampSeconds) ?? {}
  // Lower-cased so that a caller's "Content-Type" replaces the default instead of doubling it.
  for (const [name, value] of Object.entries({ ...request.headers, ...signature })) {
    headers[name.toLowerCase()] = value
  }
  headers['content-length'] = String(Buffer.byteLength(request.body))
  return headers
}

type Answer = Readonly<{ status: number; snippet: string; retryAfter: string | undefined }>

function exchange(
  url: URL,
  addresses: readonly VettedAddress[],
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  snippetBytes = DEFAULT_SNIPPET_BYTES,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http
    // No agent: a pooled socket would outlive the check that allowed its address. Redirects are
    // not followed (node:http never does), so a 3xx cannot lead the request somewhere unvetted.
    const outgoing = client.request(url, {
      method: 'POST',
      headers,
      agent: false,
      lookup: pinned(addresses),
      signal,
    })
    outgoing.on('error', reject)
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = []
      let size = 0
      const finish = (): void => {
        const snippet = Buffer.concat(chunks).subarray(0, snippetBytes).toString('utf8')
        const retryAfter = response.headers['retry-after']
        resolve({ status: response.statusCode ?? 0, snippet, retryAfter })
      }
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        size += chunk.length
        if (size >= snippetBytes) {
          finish()
          response.destroy()
        }
      })
      response.on('end', finish)
      response.on('error', reject)
    })
    outgoing.end(body)
  })
}

// Hands the connection the vetted addresses instead of asking DNS again. Node asks for all
// addresses when it races IPv4 and IPv6 (autoSelectFamily), and for one otherwise.
function pinned(addresses: readonly VettedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0] as VettedAddress
    if (options.all)
      callback(
        null,
        addresses.map(({ address, family }) => ({ address, family })),
      )
    else callback(null, first.address, first.family)
  }
}

function resultOf(answer: Answer, durationMs: number): WebhookResult {
  const base = { status: answer.status, durationMs, responseBodySnippet: answer.snippet }
  if (answer.status >= 200 && answer.status < 300) return { ...base, retryable: false }
  const retryable = answer.status === 408 || answer.status === 429 || answer.status >= 500
  const retryAfterSeconds = answer.retryAfter === undefined ? Number.NaN : Number(answer.retryAfter)
  return {
    ...base,
    error: { kind: 'http', message: `the receiver answered ${answer.status}` },
    retryable,
    ...(Number.isInteger(retryAfterSeconds) && retryAfterSeconds >= 0
      ? { retryAfterMs: retryAfterSeconds * 1000 }
      : {}),
  }
}

function failure(
  error: NonNullable<WebhookResult['error']>,
  durationMs: number,
  retryable: boolean,
): WebhookResult {
  return { status: null, durationMs, responseBodySnippet: '', error, retryable }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as NodeJS.ErrnoException).code
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message
}

// dns.lookup cannot be cancelled; this stops waiting for it once the deadline has passed.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
