// Cutting the annexes' CJK faces to the document's characters before printing: on the fonts
// installed here (read back with HarfBuzz itself), and the fall-backs when a face cannot be cut.
import fs from 'node:fs';
import path from 'node:path';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { familyFaces, type FamilyFaces } from '../../electron/backend/annex/font-files';
import { fontSubsetter } from '../../electron/backend/annex/font-subset';
import { annexFontFamilies, documentCodePoints, embedSubsetFonts } from '../../electron/backend/annex/print-fonts';
import { tempDir } from '../helpers/temp';

function unicodes(font: Uint8Array, index = 0): Set<number> {
  return new Set(new hb.Face(new hb.Blob(font), index).collectUnicodes());
}

const cps = (text: string) => [...text].map((c) => c.codePointAt(0) ?? 0);

/** The @font-face subsets of a document, by family and weight. */
function embedded(html: string): { family: string; weight: number; font: Uint8Array }[] {
  return [...html.matchAll(/@font-face \{ font-family: "([^"]+)"; font-style: normal; font-weight: (\d+); src: url\(data:font\/\w+;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => ({
    family: m[1] ?? '',
    weight: Number(m[2]),
    font: new Uint8Array(Buffer.from(m[3] ?? '', 'base64')),
  }));
}

const TEXT = '示例县学校布局规划图（现状）小学服务半径 1,000 米';
const page = (text: string) => `<!doctype html><html><head><style>body{font-family:"Noto Sans CJK SC"}</style></head><body><p>${text}</p><p>&#x9F99;&#40614;</p></body></html>`;

describe('annex font subsets', () => {
  // The annexes' faces on this machine (Noto CJK here; SimHei/FangSong/SimSun on a bureau's PC).
  const families = annexFontFamilies();

  it('finds the installed faces the annexes are set in, with a bold face where the family has one', () => {
    expect(families.length).toBeGreaterThan(0);
    for (const f of families) {
      expect(fs.existsSync(f.regular.file), f.family).toBe(true);
      if (f.bold) expect(f.bold.file).not.toBe(f.regular.file);
    }
    const sans = familyFaces('Noto Sans CJK SC');
    expect(sans?.regular.file).toMatch(/NotoSansCJK-Regular\.ttc$/);
    expect(sans?.bold?.file).toMatch(/NotoSansCJK-Bold\.ttc$/);
    // The SC face inside the collection, not the first one (JP).
    expect(sans?.regular.index).toBe(2);
    expect(familyFaces('No Such Family 不存在的字体')).toBeNull();
  });

  it('keeps every character asked for and drops one outside the set', async () => {
    const face = families[0] as FamilyFaces;
    const font = new Uint8Array(fs.readFileSync(face.regular.file));
    const full = unicodes(font, face.regular.index);
    const outside = '龙'.codePointAt(0) ?? 0;
    expect(full.has(outside)).toBe(true);

    const subset = (await fontSubsetter()).subset(font, face.regular.index, cps(TEXT));
    const kept = unicodes(subset);
    for (const cp of cps(TEXT)) expect(kept.has(cp), String.fromCodePoint(cp)).toBe(true);
    expect(kept.has(outside)).toBe(false);
    expect(subset.byteLength).toBeLessThan(font.byteLength / 50);
  });

  it('cuts TrueType faces too (as SimHei, FangSong and SimSun on a bureau PC are), embedded as TrueType', async () => {
    const serif = familyFaces('Liberation Serif');
    expect(serif?.regular.file).toMatch(/\.ttf$/);
    const font = new Uint8Array(fs.readFileSync(serif?.regular.file ?? ''));
    const subset = (await fontSubsetter()).subset(font, serif?.regular.index ?? 0, cps('Abc 2025'));
    expect(Buffer.from(subset.subarray(0, 4)).toString('hex')).toBe('00010000');
    const kept = unicodes(subset);
    for (const cp of cps('Abc2025')) expect(kept.has(cp)).toBe(true);
    expect(kept.has('Z'.codePointAt(0) ?? 0)).toBe(false);
    const { html } = await embedSubsetFonts('<html><head></head><body>Abc 2025</body></html>', [serif as FamilyFaces]);
    expect(html).toContain('font-weight: 400; src: url(data:font/ttf;base64,');
    expect(html).toContain('format("truetype")');
  });

  it('reads a face straight from its file into the same subset as from the bytes, and goes on after a file it cannot read', async () => {
    const cutter = await fontSubsetter();
    const face = (families[0] as FamilyFaces).regular;
    const text = cps(TEXT);
    const fromFile = cutter.subsetFile(face.file, face.index, text);
    expect(Buffer.from(fromFile).equals(Buffer.from(cutter.subset(new Uint8Array(fs.readFileSync(face.file)), face.index, text)))).toBe(true);
    expect(() => cutter.subsetFile(path.join(tempDir('csp-font-subset-'), 'missing.ttf'), 0, text)).toThrow();
    const serif = familyFaces('Liberation Serif');
    const kept = unicodes(cutter.subsetFile(serif?.regular.file ?? '', 0, cps('Abc 2025')));
    for (const cp of cps('Abc2025')) expect(kept.has(cp)).toBe(true);
    expect(Buffer.from(cutter.subsetFile(face.file, face.index, text)).equals(Buffer.from(fromFile))).toBe(true);
  });

  it('reads every character of the document, character references and the page numbers included', () => {
    const got = new Set(documentCodePoints(page(TEXT)));
    for (const cp of cps(TEXT)) expect(got.has(cp)).toBe(true);
    expect(got.has(0x9f99)).toBe(true); // &#x9F99; 龙
    expect(got.has(40614)).toBe(true); // &#40614; 鮦
    for (const cp of cps('0123456789—')) expect(got.has(cp)).toBe(true);
    expect(got.has(10)).toBe(false);
  });

  it('embeds each face of each family as a subset holding every character of the document', async () => {
    const html = page(TEXT);
    const { html: out, report } = await embedSubsetFonts(html, families);
    const faces = embedded(out);
    expect(report.skipped).toEqual([]);
    expect(faces.map((f) => `${f.family} ${f.weight}`)).toEqual(families.flatMap((f) => [`${f.family} 400`, ...(f.bold ? [`${f.family} 700`] : [])]));
    for (const family of families) {
      for (const [weight, face] of [[400, family.regular], [700, family.bold]] as const) {
        if (!face) continue;
        const source = unicodes(new Uint8Array(fs.readFileSync(face.file)), face.index);
        const kept = unicodes(faces.find((f) => f.family === family.family && f.weight === weight)?.font ?? new Uint8Array());
        // Every character of the page the installed face can draw, the subset draws too: no tofu.
        const missing = documentCodePoints(html).filter((cp) => source.has(cp) && !kept.has(cp));
        expect(missing.map((cp) => String.fromCodePoint(cp)), `${family.family} ${weight}`).toEqual([]);
        expect(kept.has('校'.codePointAt(0) ?? 0)).toBe(true);
        expect(kept.has('鲸'.codePointAt(0) ?? 0)).toBe(false);
      }
    }
    // The rest of the document is untouched.
    expect(out.replace(/<style>\n@font-face[^]*?<\/style>\n/, '')).toBe(html);

    const again = await embedSubsetFonts(html, families);
    expect(again.html).toBe(out);
    expect(again.report.cached).toBe(report.faces);
  });

  it('leaves a family it cannot cut to the installed font, and the document as it is when nothing can be cut', async () => {
    const dir = tempDir('csp-font-subset-');
    const broken = path.join(dir, 'broken.ttf');
    fs.writeFileSync(broken, 'not a font at all');
    const good = families[0] as FamilyFaces;
    const html = page(TEXT);

    const notAFont: FamilyFaces = { family: 'Broken', regular: { file: broken, index: 0 }, bold: null };
    const gone: FamilyFaces = { family: 'Gone', regular: { file: path.join(dir, 'missing.ttf'), index: 0 }, bold: null };
    const pastTheEnd: FamilyFaces = { ...good, family: 'Past the end', regular: { ...good.regular, index: 99 } };
    // Its bold face broken: the whole family is left, or its bold text would print as emboldened regular.
    const badBold: FamilyFaces = { ...good, family: 'Bad bold', bold: { file: broken, index: 0 } };
    const mixed = await embedSubsetFonts(html, [notAFont, gone, pastTheEnd, badBold, good]);
    expect(mixed.report.skipped.map((s) => s.family)).toEqual(['Broken', 'Gone', 'Past the end', 'Bad bold']);
    expect(embedded(mixed.html).map((f) => f.family)).toEqual(good.bold ? [good.family, good.family] : [good.family]);

    const none = await embedSubsetFonts(html, [notAFont, gone]);
    expect(none.html).toBe(html);

    const failing = await embedSubsetFonts(page('只在这一页出现的字：鼋鼍'), [good], () => Promise.reject(new Error('WebAssembly 不可用')));
    expect(failing.html).toBe(page('只在这一页出现的字：鼋鼍'));
    expect(failing.report.skipped).toEqual([{ family: good.family, reason: 'WebAssembly 不可用' }]);
  });
});
