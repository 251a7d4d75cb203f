import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

/** SHA-256 as hex: how session ids, API tokens and one-time tokens are stored. */
export function sha256Hex(value: string) {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(value)))
}

/** A random token with `bytes` bytes of entropy, in lowercase base32. */
export function randomToken(bytes = 20) {
  const buffer = new Uint8Array(bytes)
  crypto.getRandomValues(buffer)
  return encodeBase32LowerCaseNoPadding(buffer)
}
