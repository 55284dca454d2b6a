// A font cut down to the characters of one document, with HarfBuzz's subsetter (harfbuzzjs's
// harfbuzz-subset.wasm: plain C exports, no imports). Why the annex PDFs need it is in
// docs/ARCHITECTURE.md, "Layout map" (print cost): Chromium's PDF costs about a second per
// large CJK face used, whatever the amount of text, and a subset of a few hundred glyphs
// costs next to nothing.
import fs from 'node:fs';
import { forgetIfRejected } from '../services/forget-rejected';

// The backend's TypeScript libraries carry no WebAssembly declarations; this much is used.
interface Wasm {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: unknown }>;
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

interface HbSubsetExports {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;

let compiled: Promise<object> | null = null;

function subsetModule(): Promise<object> {
  // A failed load is tried again by the next print.
  compiled ??= forgetIfRejected(
    (async () => wasm.compile(await fs.promises.readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))))(),
    () => (compiled = null),
  );
  return compiled;
}

/** A subsetter: one WebAssembly instance, dropped with its memory (sized to the largest font) when unused. */
export interface FontSubsetter {
  /** The face `index` of `font` (a .ttf, .otf or a collection) holding only `codePoints` (and what shaping them needs). */
  subset(font: Uint8Array, index: number, codePoints: Iterable<number>): Uint8Array;
  /**
   * The same, reading the font file straight into the subsetter's memory. A CJK collection is
   * 20–27 MB: read into a buffer and then copied in, the copy, the buffer and its collection
   * cost more than the cut itself on a cold print.
   */
  subsetFile(file: string, index: number, codePoints: Iterable<number>): Uint8Array;
}

export async function fontSubsetter(): Promise<FontSubsetter> {
  const hb = (await wasm.instantiate(await subsetModule(), {})).exports as unknown as HbSubsetExports;
  /** Cuts the font the caller has written at `ptr`; frees it whatever happens. */
  const cut = (ptr: number, length: number, index: number, codePoints: Iterable<number>): Uint8Array => {
    const blob = hb.hb_blob_create(ptr, length, HB_MEMORY_MODE_WRITABLE, 0, 0);
    const face = hb.hb_face_create(blob, index);
    hb.hb_blob_destroy(blob);
    const input = hb.hb_subset_input_create_or_fail();
    let result = 0;
    try {
      if (!input) throw new Error('内存不足');
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
      result = hb.hb_subset_or_fail(face, input);
      if (!result) throw new Error('HarfBuzz 未能生成子集');
      const out = hb.hb_face_reference_blob(result);
      const bytes = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(out, 0), hb.hb_blob_get_length(out)).slice();
      hb.hb_blob_destroy(out);
      checkFont(bytes);
      return bytes;
    } finally {
      if (input) hb.hb_subset_input_destroy(input);
      if (result) hb.hb_face_destroy(result);
      hb.hb_face_destroy(face);
      hb.free(ptr);
    }
  };
  const allocate = (length: number): number => {
    const ptr = hb.malloc(length);
    if (!ptr) throw new Error('内存不足');
    return ptr;
  };
  return {
    subset(font, index, codePoints) {
      const ptr = allocate(font.byteLength);
      new Uint8Array(hb.memory.buffer, ptr, font.byteLength).set(font);
      return cut(ptr, font.byteLength, index, codePoints);
    },
    subsetFile(file, index, codePoints) {
      const fd = fs.openSync(file, 'r');
      let ptr = 0;
      let length = 0;
      try {
        length = fs.fstatSync(fd).size;
        ptr = allocate(length);
        // Nothing allocates in the instance while reading, so the memory view stays valid.
        const into = new Uint8Array(hb.memory.buffer, ptr, length);
        for (let done = 0; done < length; ) {
          const n = fs.readSync(fd, into, done, length - done, done);
          if (n <= 0) throw new Error('字体文件读取不完整');
          done += n;
        }
      } catch (err) {
        if (ptr) hb.free(ptr);
        throw err;
      } finally {
        fs.closeSync(fd);
      }
      return cut(ptr, length, index, codePoints);
    },
  };
}

/**
 * Refuses what is not a usable font: HarfBuzz reads a damaged file or a face index past the
 * end of a collection as an empty face and "subsets" it into a font without outlines.
 */
function checkFont(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) throw new Error('子集为空');
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count && 12 + 16 * (i + 1) <= bytes.byteLength; i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const maxp = tables.get('maxp');
  const glyphs = maxp !== undefined && maxp + 6 <= bytes.byteLength ? view.getUint16(maxp + 4) : 0;
  const outlines = ['glyf', 'CFF ', 'CFF2'].some((t) => tables.has(t));
  if (!tables.has('cmap') || !outlines || glyphs < 2) throw new Error('字体文件无法读取或不含字形');
}
