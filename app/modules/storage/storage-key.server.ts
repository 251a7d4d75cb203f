// The one rule for storage keys, shared by every backend so a key that works on one works on
// all (and `storage migrate` can move it): lowercase ASCII folders and names, nothing that
// could climb out of the folder (local disk) or the bucket (S3 URLs resolve `..`).
const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/

export function isSafeStorageKey(key: string) {
  return SAFE_KEY.test(key) && !key.includes('..')
}

export function checkStorageKey(key: string) {
  if (!isSafeStorageKey(key)) throw new Error(`unsafe storage key: ${key}`)
  return key
}
