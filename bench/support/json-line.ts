// Benchmarks print their figures as JSON lines on stdout, so a script can collect them;
// progress and notes go to stderr.

/** Rounds to a fixed number of decimals, so the line shows figures, not float noise. */
export function rounded(value: number, decimals = 2): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

export function printJsonLine(record: Readonly<Record<string, unknown>>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`)
}

export function note(message: string): void {
  process.stderr.write(`${message}\n`)
}
