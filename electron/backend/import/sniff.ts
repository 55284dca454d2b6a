// What a file really is, from its first bytes, whatever its extension says: the planner's
// "xls" may be a web page, a zip may be no workbook at all.
import type { ZipEntry } from './zip-check';

export type Container = 'empty' | 'zip' | 'cfb' | 'utf16' | 'text' | 'html' | 'xml-spreadsheet' | 'binary' | 'pdf';

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

export function sniffContainer(buf: Buffer): Container {
  if (buf.length === 0) return 'empty';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) return 'utf16';
  const head = buf.subarray(0, 4096);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1a) control++;
  }
  if (control > head.length / 50) return 'binary';
  const text = head.toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().slice(0, 2048).toLowerCase();
  if (text.startsWith('<')) {
    if (text.includes('urn:schemas-microsoft-com:office:spreadsheet') && !text.includes('<html')) return 'xml-spreadsheet';
    if (/<(?:!doctype html|html|table|head|body|meta|div)\b/.test(text)) return 'html';
    if (text.startsWith('<?xml')) return 'binary';
  }
  return 'text';
}

export type ZipKind = 'xlsx' | 'xlsb' | 'ods' | 'docx' | 'pptx' | 'other';

export function zipKind(entries: readonly ZipEntry[]): ZipKind {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('xl/workbook.bin')) return 'xlsb';
  if (names.has('content.xml') && names.has('mimetype')) return 'ods';
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  return 'other';
}
