// Small real PDFs for the résumé tests, written by hand: one page whose lines are drawn in a
// Type0 font with Identity-H encoding and a ToUnicode map from each glyph code to the same
// UTF-16 unit, so PDF.js extracts Chinese and English alike; or, for a scan, only an image.

function pdfFile(objects: string[]): Uint8Array {
  let out = '%PDF-1.7\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(out)
}

const stream = (content: string, dictionary = '') => `<< ${dictionary}/Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`

const catalogAndPages = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>']

const TO_UNICODE =
  '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def ' +
  '/CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange ' +
  '1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end'

/** A one-page PDF whose text is `lines`, one line each. */
export function textPdf(lines: string[]): Uint8Array {
  const hex = (line: string) => [...line].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')
  const content = `BT /F1 10 Tf 14 TL 30 800 Td ${lines.map((line) => `<${hex(line)}> Tj T*`).join(' ')} ET`
  return pdfFile([
    ...catalogAndPages,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /ResumeSans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ResumeSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 500 >>',
    stream(TO_UNICODE),
    '<< /Type /FontDescriptor /FontName /ResumeSans /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ])
}

/** A one-page PDF holding only a picture of a page, as a scanner makes it: no text at all. */
export function scannedPdf(): Uint8Array {
  const pixels = 'ff00'.repeat(32)
  return pdfFile([
    ...catalogAndPages,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Scan 5 0 R >> >> /Contents 4 0 R >>',
    stream('q 595 0 0 842 0 0 cm /Scan Do Q'),
    stream(`${pixels}>`, '/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode '),
  ])
}
