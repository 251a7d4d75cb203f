// CSV as RFC 4180 describes it, read and written the way Excel does: quoted fields may hold
// commas, quotes ("") and line breaks; a UTF-8 byte-order mark is accepted on input and
// written on output so Excel opens Chinese text correctly.

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV syntax error on line ${line}`)
    this.name = 'CsvSyntaxError'
  }
}

/** The bytes as UTF-8 text without a BOM, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

/** Rows of fields. Each row records the line it started on, for error messages. */
export function parseCsv(input: string): Array<{ line: number; fields: string[] }> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const rows: Array<{ line: number; fields: string[] }> = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let rowLine = 1
  let i = 0
  let quoted = false
  let fieldStarted = false
  const endField = () => {
    fields.push(field)
    field = ''
    fieldStarted = false
  }
  const endRow = () => {
    endField()
    // A blank line (Excel adds one at the end) is not a row.
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields })
    fields = []
  }
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        const next = text[i]
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new CsvSyntaxError(line)
        continue
      }
      if (ch === '\n') line++
      field += ch
      i++
      continue
    }
    if (ch === '"') {
      if (fieldStarted || field.length > 0) throw new CsvSyntaxError(line)
      quoted = true
      fieldStarted = true
      i++
      continue
    }
    if (ch === ',') {
      endField()
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRow()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      rowLine = line
      continue
    }
    field += ch
    fieldStarted = true
    i++
  }
  if (quoted) throw new CsvSyntaxError(rowLine)
  if (field.length > 0 || fields.length > 0 || fieldStarted) endRow()
  return rows
}

function quote(value: string) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * Text a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage
 * return) gets a leading single quote, as OWASP advises for CSV injection. Numbers we
 * computed are written as they are, so a negative gap stays a number.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  return quote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)
}

/** CSV text with a BOM and CRLF line ends, which Excel reads as UTF-8. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
