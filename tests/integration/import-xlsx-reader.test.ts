// The direct .xlsx reader against SheetJS: for every committed workbook and for a
// hand-assembled one full of the XML that Excel, WPS and other tools write (rich text with
// phonetic runs, entities, _x000D_ escapes, inline strings, cached formula text, booleans,
// errors, styled empty cells, cells and rows without references, hidden sheets, merges),
// both readers must give the same sheets, and the direct one must really have read them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../electron/backend/import/read-workbook';
import { readXlsxSheets } from '../../electron/backend/import/xlsx-reader';
import { readZipDirectory } from '../../electron/backend/import/zip-check';
import { writeZip } from '../helpers/zip';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function xlsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return xlsxFiles(full);
    return e.name.endsWith('.xlsx') ? [full] : [];
  });
}

async function bothReaders(bytes: Buffer) {
  const req = () => ({ bytes: new Uint8Array(bytes), fileName: '测试.xlsx', encoding: 'auto' as const });
  return { direct: await readWorkbook(req()), sheetJs: await readWorkbook(req(), undefined, { direct: false }) };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const WS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

function workbookOf(sheets: { name: string; state?: string; xml: string }[], sharedStrings: string): Buffer {
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${WS_REL}" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}</Types>`;
  return writeZip([
    { name: '[Content_Types].xml', data: types },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    { name: 'xl/sharedStrings.xml', data: sharedStrings },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
  ]);
}

const SST = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="6" uniqueCount="6">
<si><t>学校名称</t></si>
<si><r><rPr><b/></rPr><t>城关</t></r><r><t xml:space="preserve"> 第一小学 </t></r><rPh sb="0" eb="2"><t>チェングァン</t></rPh><phoneticPr fontId="1"/></si>
<si><t>甲&amp;乙 &lt;分校&gt; &#x4E2D;&#20013;</t></si>
<si><t>两行_x000D_
文字</t></si>
<si><t/></si>
<si><t xml:space="preserve">  前后空格  </t></si>
</sst>`;

const SHEET1 = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:F7"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="3" width="12"/></cols><sheetData>
<row r="1" spans="1:6"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>
<row r="2"><c r="A2"><v>2024</v></c><c r="B2" s="3"/><c r="C2"><v>1.5E-3</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#DIV/0!</v></c></row>
<row r="3"><c r="A3" t="str"><f>A1&amp;"x"</f><v>甲&amp;amp;乙</v></c><c r="B3"><f>1+1</f><v>2</v></c><c r="C3" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c><c r="D3" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c r="E3" t="str"><f>""</f><v></v></c></row>
<row r="4"/>
<row r="5"><c><v>7</v></c><c t="s"><v>2</v></c><c r="E5"><v>-12.25</v></c><c><v>9</v></c></row>
<row><c r="A6"><v>6</v></c></row>
<row r="7"><c r="C7" t="n"><v></v></c><c r="D7"><v>0</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C4"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

const SHEET2 = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="3"><c r="B3" t="s"><v>0</v></c></row></sheetData></worksheet>`;
const EMPTY = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1"/><sheetData/></worksheet>`;

describe('the direct .xlsx reader', () => {
  it('reads every committed workbook itself, exactly as SheetJS does', async () => {
    const files = xlsxFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      expect(readXlsxSheets(bytes, readZipDirectory(bytes), 200), file).not.toBeNull();
      const { direct, sheetJs } = await bothReaders(bytes);
      expect(direct, file).toEqual(sheetJs);
    }
  });

  it('reads the XML that office programs write as SheetJS does', async () => {
    const bytes = workbookOf(
      [
        { name: '学校&amp;乡镇', xml: SHEET1 },
        { name: '隐藏', state: 'hidden', xml: SHEET2 },
        { name: '空表', state: 'veryHidden', xml: EMPTY },
      ],
      SST,
    );
    expect(readXlsxSheets(bytes, readZipDirectory(bytes), 200)).not.toBeNull();
    const { direct, sheetJs } = await bothReaders(bytes);
    expect(direct).toEqual(sheetJs);
    // Hand-checked values, so that both readers cannot be wrong together.
    const [first, hidden, empty] = direct.sheets;
    expect(direct.sheets.map((s) => [s.name, s.hidden])).toEqual([['学校&乡镇', false], ['隐藏', true], ['空表', true]]);
    expect(first?.rows[0]).toEqual(['学校名称', '城关 第一小学 ', '甲&乙 <分校> 中中', '两行\n文字', '', '  前后空格  ']);
    expect(first?.rows[1]).toEqual([2024, null, 0.0015, 'TRUE', 'FALSE', '#错误']);
    expect(first?.rows[2]).toEqual(['甲&乙', 2, '内联 & 文本', '富文本']);
    expect(first?.rows[3]).toBeUndefined();
    expect(first?.rows[4]).toEqual([7, '甲&乙 <分校> 中中', null, null, -12.25, 9]);
    expect(first?.rows[5]).toEqual([6]);
    expect(first?.rows[6]).toEqual([null, null, null, 0]);
    expect(first?.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }, { s: { r: 3, c: 2 }, e: { r: 3, c: 2 } }]);
    expect(hidden?.rows[2]).toEqual([null, '学校名称']);
    expect(empty?.rows).toEqual([]);
  });

  it('leaves files it does not know to SheetJS (a namespace prefix, a date-typed cell, a sheet not declared as one)', async () => {
    const prefixed = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const dated = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="d"><v>2024-09-01T00:00:00Z</v></c></row></sheetData></worksheet>`;
    for (const xml of [prefixed, dated]) {
      const bytes = workbookOf([{ name: 'Sheet1', xml }], SST);
      expect(readXlsxSheets(bytes, readZipDirectory(bytes), 200)).toBeNull();
      const { direct, sheetJs } = await bothReaders(bytes);
      expect(direct).toEqual(sheetJs);
      expect(direct.sheets[0]?.rows[0]?.length).toBeGreaterThan(0);
    }
  });
});
