// Billomat's rate limit: fixed 15-minute windows aligned to the clock (:00, :15, :30, :45), a
// quota per account (more with registered app headers), X-Rate-Limit-Remaining and
// X-Rate-Limit-Reset (epoch seconds of the next window) on every answer, 429 past the quota
// (../shared/reference/billomat.md §1.9). Counted per server process: two processes behind one
// balancer each grant the quota, a deviation the README names.

export type RateLimitOptions = Readonly<{
  /** Requests per window without app headers; Billomat grants 300. */
  perWindow: number
  /** Requests per window with X-AppId and X-AppSecret; Billomat grants 1000. */
  perWindowWithApp: number
  windowSeconds: number
}>

export const BILLOMAT_RATE_LIMIT: RateLimitOptions = {
  perWindow: 300,
  perWindowWithApp: 1000,
  windowSeconds: 900,
}

export type RateDecision = Readonly<{
  allowed: boolean
  limit: number
  remaining: number
  resetEpochSeconds: number
  retryAfterSeconds: number
}>

export type RateLimiter = Readonly<{
  take: (key: string, withApp: boolean, nowMs: number) => RateDecision
  peek: (key: string, withApp: boolean, nowMs: number) => RateDecision
}>

/** Keys kept at most; windows end every 15 minutes, so older keys are dropped as they expire. */
const MAX_KEYS = 100_000

export function createRateLimiter(options: RateLimitOptions = BILLOMAT_RATE_LIMIT): RateLimiter {
  const counts = new Map<string, { windowStart: number; count: number }>()
  const windowOf = (nowMs: number) => {
    const nowSeconds = Math.floor(nowMs / 1000)
    const start = nowSeconds - (nowSeconds % options.windowSeconds)
    return { start, nowSeconds, reset: start + options.windowSeconds }
  }
  const decide = (key: string, withApp: boolean, nowMs: number, consume: boolean): RateDecision => {
    const window = windowOf(nowMs)
    const limit = withApp ? options.perWindowWithApp : options.perWindow
    const fullKey = `${withApp ? 'app' : 'plain'}:${key}`
    let entry = counts.get(fullKey)
    if (!entry || entry.windowStart !== window.start) {
      if (counts.size >= MAX_KEYS) counts.clear()
      entry = { windowStart: window.start, count: 0 }
      counts.set(fullKey, entry)
    }
    const allowed = entry.count < limit
    if (consume && allowed) entry.count += 1
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - entry.count),
      resetEpochSeconds: window.reset,
      retryAfterSeconds: window.reset - window.nowSeconds,
    }
  }
  return {
    take: (key, withApp, nowMs) => decide(key, withApp, nowMs, true),
    peek: (key, withApp, nowMs) => decide(key, withApp, nowMs, false),
  }
}
