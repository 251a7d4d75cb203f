// Uploaded files (logos, résumés, screenshots) behind a small storage interface. The
// local-disk implementation keeps them under DATA_DIR/uploads; another backend (object
// storage) implements the same three calls.
import fs from 'node:fs/promises'
import path from 'node:path'
import { env } from '#app/lib/env.server.ts'

export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>
  get(key: string): Promise<Uint8Array | null>
  delete(key: string): Promise<void>
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/

function localDiskStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`)
    return path.join(root, key)
  }
  return {
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
  }
}

export const storage: FileStorage = localDiskStorage(path.resolve(env.DATA_DIR, 'uploads'))

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
