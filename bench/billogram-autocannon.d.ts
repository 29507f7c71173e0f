// The part of autocannon's API the Billogram benchmark uses; the package ships no types.

declare module 'autocannon' {
  type Options = Readonly<{
    url: string
    method?: string
    connections?: number
    amount?: number
    duration?: number
    headers?: Readonly<Record<string, string>>
    body?: string
    /** Seconds before a request counts as timed out. */
    timeout?: number
  }>
  type Result = Readonly<{
    '2xx': number
    non2xx: number
    errors: number
    timeouts: number
    duration: number
    latency: Readonly<{ p50: number; p99: number; average: number; max: number }>
    requests: Readonly<{ average: number; total: number }>
  }>
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
