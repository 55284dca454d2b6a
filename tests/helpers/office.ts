// Reading exported Office files back in tests: what a planner would see in each cell.
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';

/** Formatted text of a sheet from a row on, row by row, merged cells once. */
export function sheetRows(sheet: XLSX.WorkSheet, firstRow: number): string[][] {
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  const covered = new Set<string>();
  for (const m of sheet['!merges'] ?? []) {
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
  }
  const rows: string[][] = [];
  for (let r = firstRow; r <= range.e.r; r++) {
    const row: string[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      row.push(cell?.w ?? (cell?.v === undefined ? '' : String(cell.v)));
    }
    rows.push(row);
  }
  return rows;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Text of every table cell in a DOCX, table by table, row by row (merged continuations skipped). */
export function docxTables(bytes: Uint8Array): string[][][] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
        .filter((c) => !/<w:vMerge\/>/.test(c[1] ?? ''))
        .map((c) => [...(c[1] ?? '').matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('\n')),
    ),
  );
}
