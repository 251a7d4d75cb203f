// RFC 8785 (JSON Canonicalization Scheme) for JSON values: object keys sorted by UTF-16 code
// units, ECMAScript number and string serialisation, no whitespace. The same document gives
// the same text however it was spaced, ordered or stored (Postgres jsonb reorders keys).

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const object = value as Record<string, unknown>
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`
}
