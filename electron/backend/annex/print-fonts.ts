// The annex HTML as it goes to the PDF printer: each CJK family the annex is set in (the face
// font-choice.ts reports) is given to the browser as an @font-face of the same name holding only
// the document's characters. A web font shadows the installed family of that name, so every
// stack (CSS, map SVG, charts) takes the subset without being rewritten; a family that cannot be
// cut is left to the installed font, and the document prints as before. See docs/ARCHITECTURE.md,
// "Layout map" (print cost).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { chosenFonts, installedFontFamilies } from './font-choice';
import { familyFaces, type FaceFile, type FamilyFaces } from './font-files';
import { fontSubsetter, type FontSubsetter } from './font-subset';

/** What embedding did, for the bench and the tests. */
export interface SubsetReport {
  /** Families embedded as subsets. */
  families: string[];
  /** Families left to the installed font, with the reason. */
  skipped: { family: string; reason: string }[];
  faces: number;
  /** Faces taken from the cache instead of being cut again. */
  cached: number;
  codePoints: number;
  bytes: number;
  ms: number;
}

// Text the printer adds itself: the page-number margin box ("— N —").
const PRINTER_TEXT = '0123456789— \u00a0';

/** Every character the document can show: its text, character references, and the page numbers. */
export function documentCodePoints(html: string): number[] {
  const set = new Set<number>();
  for (const ch of html) set.add(ch.codePointAt(0) ?? 0);
  for (const m of html.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) {
    const ref = m[1] ?? '';
    const cp = ref[0] === 'x' || ref[0] === 'X' ? parseInt(ref.slice(1), 16) : Number(ref);
    if (cp > 0 && cp <= 0x10ffff) set.add(cp);
  }
  for (const ch of PRINTER_TEXT) set.add(ch.codePointAt(0) ?? 0);
  // Line breaks, tabs and the like are laid out, never drawn.
  return [...set].filter((cp) => cp >= 0x20).sort((a, b) => a - b);
}

const CACHE_SIZE = 16;
/** Base64 subsets by face file (with its size and time, so a replaced font is cut again) and text. */
const subsetCache = new Map<string, string>();

function cacheKey(face: FaceFile, textKey: string): string {
  const stat = fs.statSync(face.file);
  return `${face.file}#${face.index}#${stat.size}#${stat.mtimeMs}#${textKey}`;
}

function remember(key: string, value: string): void {
  subsetCache.delete(key);
  subsetCache.set(key, value);
  while (subsetCache.size > CACHE_SIZE) subsetCache.delete(subsetCache.keys().next().value as string);
}

const cssString = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;

function fontFaceRule(family: string, weight: number, base64: string): string {
  // OpenType with CFF outlines begins with 'OTTO' (base64 'T1RUTw'); everything else here is TrueType.
  const [mime, format] = base64.startsWith('T1RUTw') ? ['font/otf', 'opentype'] : ['font/ttf', 'truetype'];
  return `@font-face { font-family: ${cssString(family)}; font-style: normal; font-weight: ${weight}; src: url(data:${mime};base64,${base64}) format("${format}"); }`;
}

/**
 * The document with its CJK faces embedded as subsets of its own characters. Never throws: a
 * family that cannot be read or cut is left out (and said in the report), and with nothing to
 * embed the document comes back unchanged.
 */
export async function embedSubsetFonts(
  html: string,
  families: readonly FamilyFaces[],
  subsetter: () => Promise<FontSubsetter> = fontSubsetter,
): Promise<{ html: string; report: SubsetReport }> {
  const started = performance.now();
  const codePoints = documentCodePoints(html);
  const textKey = crypto.createHash('sha1').update(codePoints.join(',')).digest('hex');
  const report: SubsetReport = { families: [], skipped: [], faces: 0, cached: 0, codePoints: codePoints.length, bytes: 0, ms: 0 };
  const rules: string[] = [];
  let cutter: FontSubsetter | null = null;
  for (const family of families) {
    try {
      const faces: [number, FaceFile][] = [[400, family.regular]];
      if (family.bold) faces.push([700, family.bold]);
      const cut: [number, string][] = [];
      let fromCache = 0;
      for (const [weight, face] of faces) {
        const key = cacheKey(face, textKey);
        let base64 = subsetCache.get(key);
        if (base64 !== undefined) fromCache += 1;
        else {
          cutter ??= await subsetter();
          base64 = Buffer.from(cutter.subsetFile(face.file, face.index, codePoints)).toString('base64');
        }
        remember(key, base64);
        cut.push([weight, base64]);
      }
      // All faces of a family or none: a family with only its regular face embedded would
      // print its bold text as emboldened regular instead of the installed bold face.
      for (const [weight, base64] of cut) {
        rules.push(fontFaceRule(family.family, weight, base64));
        report.bytes += Buffer.byteLength(base64, 'base64');
      }
      report.families.push(family.family);
      report.faces += cut.length;
      report.cached += fromCache;
    } catch (err) {
      report.skipped.push({ family: family.family, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  report.ms = performance.now() - started;
  if (rules.length === 0) return { html, report };
  const at = html.indexOf('</head>');
  if (at < 0) return { html, report: { ...report, families: [], skipped: families.map((f) => ({ family: f.family, reason: '文档没有 <head>' })), faces: 0, bytes: 0 } };
  return { html: `${html.slice(0, at)}<style>\n${rules.join('\n')}\n</style>\n${html.slice(at)}`, report };
}

/** Resolved once per process: fontconfig's answer does not change while the app runs. */
let printedFamilies: FamilyFaces[] | null = null;

/** The installed CJK families the annexes are set in (title, headings, text), with their faces. */
export function annexFontFamilies(): FamilyFaces[] {
  if (printedFamilies) return printedFamilies;
  const names = [...new Set(chosenFonts(installedFontFamilies()).flatMap((c) => (c.font ? [c.font] : [])))];
  printedFamilies = names.flatMap((name) => familyFaces(name) ?? []);
  return printedFamilies;
}

let lastReport: SubsetReport | null = null;

/** What the last PDF's font embedding did (the bench prints it). */
export function lastSubsetReport(): SubsetReport | null {
  return lastReport;
}

/** The annex HTML for the PDF printer, its fonts cut to its text; the document as it is if that fails. */
export async function withSubsetFonts(html: string): Promise<string> {
  try {
    const { html: out, report } = await embedSubsetFonts(html, annexFontFamilies());
    lastReport = report;
    return out;
  } catch {
    return html;
  }
}
