import { describe, expect, test } from 'vitest'
import { CsvSyntaxError, csvCell, decodeUtf8, parseCsv, toCsv } from './csv.ts'

const fields = (text: string) => parseCsv(text).map((r) => r.fields)

describe('parseCsv', () => {
  test('plain rows, CRLF or LF, trailing blank line ignored', () => {
    expect(fields('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(fields('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  test('quoted fields hold commas, doubled quotes and line breaks', () => {
    const rows = parseCsv('code,title\n"BC1","区块链, ""导论""\n第二行"\nBC2,x\n')
    expect(rows.map((r) => r.fields)).toEqual([
      ['code', 'title'],
      ['BC1', '区块链, "导论"\n第二行'],
      ['BC2', 'x'],
    ])
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4])
  })

  test('a BOM is dropped; empty fields are kept', () => {
    expect(fields('\uFEFFa,,c\n')).toEqual([['a', '', 'c']])
    expect(fields('"",x')).toEqual([['', 'x']])
  })

  test('stray or unterminated quotes are syntax errors with the line', () => {
    expect(() => parseCsv('a,b\nx"y,z')).toThrow(CsvSyntaxError)
    const error = (() => {
      try {
        parseCsv('a\n"open,field\nmore')
      } catch (e) {
        return e as CsvSyntaxError
      }
    })()
    expect(error?.line).toBe(2)
    expect(() => parseCsv('"a"b,c')).toThrow(CsvSyntaxError)
  })

  test('round-trips through toCsv', () => {
    const rows = [
      ['技能', 'demand'],
      ['Solidity, "EVM"', 12],
      ['多行\n文本', 0],
    ]
    const text = toCsv(rows)
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(fields(text)).toEqual(rows.map((r) => r.map(String)))
  })
})

describe('decodeUtf8', () => {
  test('accepts UTF-8 with or without BOM, refuses other bytes', () => {
    const utf8 = new TextEncoder().encode('课程')
    expect(decodeUtf8(utf8)).toBe('课程')
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('课程')
    // "课程" in GBK
    expect(decodeUtf8(new Uint8Array([0xbf, 0xce, 0xb3, 0xcc]))).toBeNull()
  })
})

describe('formula neutralisation', () => {
  test.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('%j is written as text', (value) => {
    const [cell] = fields(toCsv([[value]]))[0]!
    expect(cell).toBe(`'${value}`)
    expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true)
  })
  test('ordinary text and computed numbers are untouched', () => {
    expect(fields(toCsv([['张三', 'a=b', 'x-1', -3, 0]]))).toEqual([['张三', 'a=b', 'x-1', '-3', '0']])
  })
})
