// Invariant checks for the domain: a failed assertion is a bug in Faktura, never a client's mistake.
// Kept free of node:assert so that domain/ imports nothing outside domain/.

export class AssertionError extends Error {
  override name = 'AssertionError'
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message)
}
