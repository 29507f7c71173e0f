// Readers of the local outboxes (the CLI listings, a print server watching the spool) must never
// see half a file, and a crash must leave either the old file or the new one. Writing a sibling
// temporary file and renaming it over the target gives both, because rename(2) within one
// directory is atomic. Temporary names start with a dot, which every listing skips.

import { randomBytes } from 'node:crypto'
import { open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temporaryPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temporaryPath, 'wx', 0o640)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporaryPath, path)
  } catch (error) {
    await rm(temporaryPath, { force: true })
    throw error
  }
  await syncDirectory(dirname(path))
}

/** Makes renames and new names in a directory durable; without it a power cut can undo them. */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Lists visible entries of a directory, or none when it does not exist yet. */
export async function listVisibleEntries(path: string): Promise<string[]> {
  try {
    const names = await readdir(path)
    return names.filter((name) => !name.startsWith('.')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}
