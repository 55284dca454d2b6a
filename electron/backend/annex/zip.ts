// XLSX and DOCX are zip packages of XML parts. fflate writes them synchronously with a
// fixed timestamp, so the same annexes give the same bytes.
import { strToU8, zipSync, type Zippable } from 'fflate';

/** 1980-01-01, the earliest time a zip entry can carry: no build time leaks into files. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts)) {
    files[name] = [typeof content === 'string' ? strToU8(content) : content, { mtime: FIXED_TIME }];
  }
  // Entries keep the order of `parts`; callers put [Content_Types].xml first, as Office does.
  return zipSync(files, { level: 6 });
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
