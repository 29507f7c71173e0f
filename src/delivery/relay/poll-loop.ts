// The relay's background loop: run a batch, go on at once while batches come back full, else
// sleep a bounded interval. Stopping wakes the sleeper and waits for the batch in flight, so a
// shutdown never abandons a row between its send and its commit.

export type PollLoop = Readonly<{ stop(): Promise<void> }>

export type PollLoopOptions = Readonly<{
  /** Runs one batch; resolves true when more work is likely waiting. */
  runBatch: () => Promise<boolean>
  intervalMs: number
  onError: (error: unknown) => void
}>

export function startPollLoop(options: PollLoopOptions): PollLoop {
  let stopping = false
  let wake: (() => void) | undefined

  async function sleep(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.intervalMs)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    wake = undefined
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let more = false
      try {
        more = await options.runBatch()
      } catch (error) {
        // An outage (the database gone): wait a whole interval, then try again.
        options.onError(error)
      }
      if (!more && !stopping) await sleep()
    }
  }

  const running = loop()
  return {
    async stop() {
      stopping = true
      wake?.()
      await running
    },
  }
}
