// Uploaded files (logos, résumés, screenshots, licences) behind a small storage interface
// every app instance shares (decision 025). The default keeps them in Postgres, a chunk per
// row, so a file is written and deleted in the same transaction as the row that points at
// it and is part of every backup; with S3_* settings they go to S3-compatible object
// storage instead. Local disk is only read, to move old uploads (`cli storage migrate`).
import fs from 'node:fs/promises'
import path from 'node:path'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { s3Storage } from './s3-storage.server.ts'
import { checkStorageKey, isSafeStorageKey } from './storage-key.server.ts'

export interface FileStorage {
  /** Which backend this is, for `cli status` and the logs. */
  readonly kind: 'postgres' | 's3' | 'local'
  /**
   * Writes a file. Given the caller's transaction, the Postgres backend commits or rolls the
   * file back with the caller's rows; other backends write at once (put before the row).
   */
  put(key: string, bytes: Uint8Array, tx?: Tx): Promise<void>
  get(key: string): Promise<Uint8Array | null>
  /** Deletes a file; with the caller's transaction, as part of it (Postgres backend). */
  delete(key: string, tx?: Tx): Promise<void>
}

/** Small enough that one row never holds a large value in memory twice, large enough that a 5 MB résumé is 20 rows. */
export const CHUNK_BYTES = 256 * 1024

async function inTransaction(tx: Tx | undefined, work: (tx: Tx) => Promise<void>) {
  // A caller's interactive transaction is used as is; the plain client gets one of its own.
  if (tx && tx !== prisma) return work(tx)
  await prisma.$transaction((own) => work(own))
}

export function postgresStorage(): FileStorage {
  return {
    kind: 'postgres',
    async put(key, bytes, tx) {
      checkStorageKey(key)
      await inTransaction(tx, async (db) => {
        await db.storedFile.deleteMany({ where: { key } })
        await db.storedFile.create({ data: { key, size: bytes.byteLength }, select: { key: true } })
        for (let seq = 0, offset = 0; offset < bytes.byteLength || seq === 0; seq++, offset += CHUNK_BYTES) {
          const slice = bytes.subarray(offset, offset + CHUNK_BYTES)
          await db.storedFileChunk.create({ data: { key, seq, bytes: new Uint8Array(slice) }, select: { seq: true } })
        }
      })
    },
    async get(key) {
      const file = await prisma.storedFile.findUnique({ where: { key: checkStorageKey(key) }, select: { size: true } })
      if (!file) return null
      // Chunk by chunk into one buffer of the known size: never the whole file twice.
      const bytes = new Uint8Array(file.size)
      let offset = 0
      for (let seq = 0; offset < file.size; seq++) {
        const chunk = await prisma.storedFileChunk.findUnique({ where: { key_seq: { key, seq } }, select: { bytes: true } })
        if (!chunk) return null
        bytes.set(chunk.bytes, offset)
        offset += chunk.bytes.byteLength
      }
      return bytes
    },
    async delete(key, tx) {
      // Chunks go with the file (ON DELETE CASCADE).
      await (tx ?? prisma).storedFile.deleteMany({ where: { key: checkStorageKey(key) } })
    },
  }
}

/** Files under a folder, as the single-process versions kept them (DATA_DIR/uploads). */
export function localDiskStorage(root: string): FileStorage & { keys(): AsyncGenerator<string> } {
  const resolve = (key: string) => path.join(root, checkStorageKey(key))
  return {
    kind: 'local',
    async put(key, bytes) {
      const file = resolve(key)
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(file, bytes)
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(resolve(key)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true })
    },
    async *keys() {
      const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return []
        throw error
      })
      for (const entry of entries) {
        if (!entry.isFile()) continue
        yield path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
      }
    },
  }
}

/** Where single-process versions kept uploads; `cli storage migrate` moves them out. */
export function legacyUploadsFolder() {
  return path.resolve(env.DATA_DIR, 'uploads')
}

export const storage: FileStorage = env.fileStorage.kind === 's3' ? s3Storage(env.fileStorage) : postgresStorage()

/** Moves every file from local disk into the configured backend; a file is removed from disk once stored. */
export async function migrateLocalFiles(from = localDiskStorage(legacyUploadsFolder()), to: FileStorage = storage) {
  let moved = 0
  const skipped: string[] = []
  for await (const key of from.keys()) {
    if (!isSafeStorageKey(key)) {
      skipped.push(key)
      continue
    }
    const bytes = await from.get(key)
    if (!bytes) continue
    await to.put(key, bytes)
    await from.delete(key)
    moved++
  }
  return { moved, skipped, to: to.kind }
}

export type DetectedType = 'png' | 'jpeg' | 'webp' | 'pdf'

const MIME: Record<DetectedType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
}

/** What a file is, judged by its first bytes rather than its name. */
export function detectFileType(bytes: Uint8Array): DetectedType | null {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b)
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg'
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'webp'
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'
  return null
}

export function mimeType(type: DetectedType) {
  return MIME[type]
}
