// Secrets this project generates, and how they are handed to other programs. A random
// base64 value begins with '-' about once in 64 draws, and Meilisearch (like most CLIs)
// then reads `--master-key -Nx…` as an unknown option: secrets are hex, and values are
// passed as one `--flag=value` argument, so even a stored key that begins with '-' works.
import { randomBytes } from 'node:crypto'

/** `bytes` random bytes as lowercase hex (0-9, a-f only). */
export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString('hex')
}

/** One command-line argument that no value can turn into a different option. */
export function flag(name: string, value: string | number): string {
  return `--${name}=${value}`
}
