// Request counters and a latency histogram in the Prometheus text format, kept in process memory.
// Hand-written because the exposition format is small and a client library would be the largest
// dependency of the HTTP layer.

const BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const

type Series = { count: number; sumSeconds: number; buckets: number[] }

export type Metrics = Readonly<{
  observeRequest: (
    labels: { dialect: string; method: string; status: number },
    durationSeconds: number,
  ) => void
  render: (gauges?: Record<string, number>) => string
}>

export function createMetrics(): Metrics {
  const requests = new Map<string, number>()
  const durations = new Map<string, Series>()

  return {
    observeRequest({ dialect, method, status }, durationSeconds) {
      const key = `dialect="${dialect}",method="${method}",status="${status}"`
      requests.set(key, (requests.get(key) ?? 0) + 1)
      const seriesKey = `dialect="${dialect}"`
      const series = durations.get(seriesKey) ?? {
        count: 0,
        sumSeconds: 0,
        buckets: BUCKETS_SECONDS.map(() => 0),
      }
      series.count += 1
      series.sumSeconds += durationSeconds
      BUCKETS_SECONDS.forEach((bound, index) => {
        if (durationSeconds <= bound) series.buckets[index] = (series.buckets[index] ?? 0) + 1
      })
      durations.set(seriesKey, series)
    },
    render(gauges = {}) {
      const lines = [
        '# HELP faktura_http_requests_total HTTP requests answered.',
        '# TYPE faktura_http_requests_total counter',
      ]
      for (const [labels, count] of requests) lines.push(`faktura_http_requests_total{${labels}} ${count}`)
      lines.push('# HELP faktura_http_request_duration_seconds Time to answer a request.')
      lines.push('# TYPE faktura_http_request_duration_seconds histogram')
      for (const [labels, series] of durations) {
        BUCKETS_SECONDS.forEach((bound, index) => {
          lines.push(
            `faktura_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${series.buckets[index]}`,
          )
        })
        lines.push(`faktura_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${series.count}`)
        lines.push(`faktura_http_request_duration_seconds_sum{${labels}} ${series.sumSeconds}`)
        lines.push(`faktura_http_request_duration_seconds_count{${labels}} ${series.count}`)
      }
      for (const [name, value] of Object.entries(gauges)) {
        lines.push(`# TYPE ${name} gauge`, `${name} ${value}`)
      }
      return `${lines.join('\n')}\n`
    },
  }
}
