// The three renderers on hand-made annexes: XLSX read back with SheetJS and checked in its
// XML, DOCX unzipped and read, the print HTML checked for what Chromium needs.
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { numberAnnexes, projectsAnnex, studentsChartAnnex, type Annex, type ProjectRecord } from '../../shared/annex';
import { writeAnnexDocx } from '../../electron/backend/annex/docx';
import { renderAnnexesHtml } from '../../electron/backend/annex/html';
import { columnLetter, writeAnnexXlsx } from '../../electron/backend/annex/xlsx';
import { projectRecord } from '../fixtures/annex-projects';

const ctx = { titlePrefix: '小河县', date: '2025年11月1日' };
const project = (name: string, stage: ProjectRecord['stage'], investment: number) => projectRecord(name, stage, { floorArea: 12345, investment, endYear: 2028 });

function sample(): Annex[] {
  const projects = projectsAnnex(
    { projects: [project('=HYPERLINK("http://x")', 'primary', 5000), project('城关<五>小 & 附属幼儿园', 'primary', 1234.6), project('城东中学', 'junior', 800)] },
    { ...ctx, paper: 'A3 landscape' },
  );
  const chart = studentsChartAnnex(
    { studentsByYear: { 2024: { preschool: 1200, primary: 5400, junior: 3100, senior: 0, special: 0, vocational: 0 } } },
    { ...ctx, paper: 'A4 portrait' },
  );
  return numberAnnexes([projects, chart], [4]);
}

const unzip = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`missing ${name}`);
    return strFromU8(f);
  };
};

describe('XLSX', () => {
  const bytes = writeAnnexXlsx(sample(), '小河县规划附件');
  const book = XLSX.read(bytes, { cellNF: true, cellStyles: true });
  const part = unzip(bytes);

  it('has one sheet per annex named by its label, title merged across the table', () => {
    expect(book.SheetNames).toEqual(['附件4', '附件5']);
    const sheet = book.Sheets['附件4'];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.A1?.v).toBe('附件4');
    expect(sheet.A2?.v).toBe('小河县新建改扩建学校项目表');
    expect(sheet.A3?.v).toBe('单位：个、平方米、万元');
    // 13 columns since 用地面积 and 资金来源 have their own: 制表日期 starts at the 8th (was G of 11).
    expect(sheet.H3?.v).toBe('制表日期：2025年11月1日');
    const merges = (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    // Title, 单位 / 制表日期, 序号 over two header rows, 建设规模 over 班 and 学位, subtotal labels.
    expect(merges).toEqual(expect.arrayContaining(['A2:M2', 'A3:G3', 'H3:M3', 'A4:A5', 'F4:G4', 'H4:H5', 'A8:B8', 'A10:B10', 'A11:B11']));
    expect(sheet.F4?.v).toBe('建设规模');
    expect(sheet.F5?.v).toBe('班');
  });

  it('stores numbers as numbers with their formats, and text that looks like a formula as text', () => {
    const sheet = book.Sheets['附件4'];
    if (!sheet) throw new Error('no sheet');
    // 建筑面积 and 总投资 are one column further right (用地面积 is H now).
    expect(sheet.I6).toMatchObject({ t: 'n', v: 12345, z: '#,##0', w: '12,345' });
    expect(sheet.A6).toMatchObject({ t: 'n', v: 1, z: '0' });
    expect(sheet.B6).toMatchObject({ t: 's', v: '=HYPERLINK("http://x")' });
    expect(sheet.B6?.f).toBeUndefined();
    expect(sheet.B7?.v).toBe('城关<五>小 & 附属幼儿园');
    expect(sheet.A8?.v).toBe('小学小计（2个）');
    expect(sheet.J8).toMatchObject({ t: 'n', v: 6234.6, w: '6,235' });
    expect(sheet.A11?.v).toBe('合计（3个）');
    // The formula-like name carries Excel's quotePrefix style, so editing it keeps it text.
    const sheetXml = part('xl/worksheets/sheet1.xml');
    const style = /<c r="B6" s="(\d+)"/.exec(sheetXml)?.[1];
    const cellXfs = /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(part('xl/styles.xml'))?.[1] ?? '';
    const xfs = [...cellXfs.matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    expect(xfs[Number(style)]).toContain('quotePrefix="1"');
    expect(part('xl/sharedStrings.xml')).not.toContain('<f>');
  });

  it('sets up printing: paper, orientation, fit to width, repeated header rows, frozen header', () => {
    const first = part('xl/worksheets/sheet1.xml');
    const second = part('xl/worksheets/sheet2.xml');
    expect(first).toContain('<pageSetup paperSize="8" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(second).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    expect(first).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(first).toContain('<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>');
    expect(second).toContain('<pane ySplit="4" topLeftCell="A5"');
    expect(first).toMatch(/<oddFooter>&amp;C.*— &amp;P —<\/oddFooter>/);
    const workbook = part('xl/workbook.xml');
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;附件4&apos;!$4:$5</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;附件5&apos;!$4:$4</definedName>`);
    // Column widths follow the content: the project name column is the widest.
    const widths = [...first.matchAll(/<col min="(\d+)" max="\d+" width="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(13);
    expect(Math.max(...widths)).toBe(widths[1]);
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(26)).toBe('AA');
  });

  it('carries a figure as its numbers', () => {
    const sheet = book.Sheets['附件5'];
    expect(sheet?.A2?.v).toBe('小河县各学段在校生（2024年）');
    expect(sheet?.A4?.v).toBe('年份');
    expect(sheet?.E5).toMatchObject({ v: 9700, w: '9,700' });
    expect(String(sheet?.A6?.v)).toMatch(/^注：1\. 本表为图中数据，图形见 PDF 版。/);
  });
});

describe('DOCX', () => {
  const bytes = writeAnnexDocx(sample(), '小河县规划附件');
  const part = unzip(bytes);
  const document = part('word/document.xml');

  it('has one table per annex with repeating header rows and rows that do not split', () => {
    expect(document.match(/<w:tbl>/g)).toHaveLength(2);
    // Two header rows in the project table, one in the figure's.
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(3);
    const rows = document.match(/<w:tr>/g)?.length ?? 0;
    expect(document.match(/<w:cantSplit\/>/g)).toHaveLength(rows);
    expect(document).toContain('<w:gridSpan w:val="2"/>');
    expect(document).toContain('<w:vMerge w:val="restart"/>');
  });

  it('puts each annex in its own section, the A3 one landscape, with page numbers in the footer', () => {
    const sections = [...document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('<w:pgSz w:w="23811" w:h="16838" w:orient="landscape"/>');
    expect(sections[1]).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(part('word/footer1.xml')).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
    expect(part('word/_rels/document.xml.rels')).toContain('footer1.xml');
  });

  it('writes the same text as the spreadsheet shows, escaped', () => {
    const text = [...document.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(text).toEqual(expect.arrayContaining(['附件4', '小河县新建改扩建学校项目表', '12,345', '6,235', '2026—2028年', '合计（3个）', '9,700']));
    expect(document).toContain('城关&lt;五&gt;小 &amp; 附属幼儿园');
    expect(document).toContain('w:eastAsia="黑体"');
  });
});

describe('print HTML', () => {
  let html = '';
  beforeAll(async () => {
    html = await renderAnnexesHtml(sample(), '小河县规划附件');
  });

  it('is self-contained and sets the pages as GB/T 9704 asks', () => {
    expect(html).not.toMatch(/<script|<link|src="http|url\(/i);
    expect(html).toContain('@page a3 { size: A3 landscape;');
    expect(html).toContain('@page a4 { size: A4 portrait;');
    expect(html).toContain('content: "— " counter(page) " —"');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid;');
    expect(html).toContain('"方正小标宋简体"');
    expect(html).toMatch(/<section class="annex a3" data-kind="projects">\s*<div class="annex-label">附件4<\/div>/);
    expect(html).toContain('<section class="annex a4" data-kind="students-chart">');
  });

  it('escapes text and renders the figure as inline SVG with a Chinese font', () => {
    expect(html).toContain('城关&lt;五&gt;小 &amp; 附属幼儿园');
    expect(html).not.toContain('城关<五>');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('viewBox');
    expect(svg).toMatch(/Noto Sans CJK SC|SimHei/);
    expect(svg).toContain('小学');
    expect(html).toContain('<th colspan="2">建设规模</th>');
    expect(html).toContain('<th rowspan="2">建筑面积<br>（㎡）</th>');
  });
});
