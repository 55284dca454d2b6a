// Spreadsheets as planners receive them, written by the tests with SheetJS: title and notes
// rows, a two-row header with merged cells, 男/女 columns to be summed, a 合计 row, a hidden
// sheet; and the same table as a GBK CSV and as an old .xls.
import * as XLSX from 'xlsx';
import * as cpexcel from 'xlsx/dist/cpexcel';

type Row = (string | number | null)[];

const cptable = cpexcel as unknown as { utils: { encode(cp: number, text: string): Uint8Array | number[] } };

/** Schools of the tiny county (tests/fixtures/tiny-county.ts) as the 2025 statistics table. */
export function messySchoolRows(traditional = false): { rows: Row[]; merges: XLSX.Range[] } {
  const t = (simplified: string, trad: string) => (traditional ? trad : simplified);
  const rows: Row[] = [
    [t('2025年小河县小学基本情况统计表', '2025年小河縣小學基本情況統計表')],
    [t('填报单位：小河县教育局', '填報單位：小河縣教育局'), null, null, null, null, null, null, null, null, null, t('单位：人、个', '單位：人、個')],
    [
      t('学校标识码', '學校標識碼'), t('学校名称', '學校名稱'), t('办学类型', '辦學類型'), t('乡镇（街道）', '鄉鎮（街道）'),
      t('一年级', '一年級'), null, null, t('二年级', '二年級'), null, null, t('在校生合计', '在校生合計'), t('专任教师（人）', '專任教師（人）'),
    ],
    [null, null, null, null, t('班数', '班數'), '男', '女', t('班数', '班數'), '男', '女', null, null],
    ['9909990001', t('城关第一小学', '城關第一小學'), t('小学', '小學'), t('城关镇', '城關鎮'), 3, '７０', '６５', 2, '60', '58', 253, 21],
    ['9909990002', t('青山乡中心小学', '青山鄉中心小學'), t('小学', '小學'), t('青山乡', '青山鄉'), 1, 9, 8, 0, '—', '/', 17, '5'],
    [null, t('青山乡新村小学', '青山鄉新村小學'), null, t('青山', '青山'), 1, 6, 7, 1, 5, 4, 22, 3],
    [t('合计', '合計'), null, null, null, 5, 85, 80, 3, 65, 62, 292, 29],
    [t('注：学生数按 9 月底在籍统计。', '註：學生數按 9 月底在籍統計。')],
  ];
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 11 } },
    { s: { r: 2, c: 4 }, e: { r: 2, c: 6 } },
    { s: { r: 2, c: 7 }, e: { r: 2, c: 9 } },
    ...[0, 1, 2, 3, 10, 11].map((c) => ({ s: { r: 2, c }, e: { r: 3, c } })),
  ];
  return { rows, merges };
}

function messyBook(traditional = false): XLSX.WorkBook {
  const { rows, merges } = messySchoolRows(traditional);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['本文件为小河县 2025 年教育事业统计数据。'], ['第二个工作表为小学。']]), '说明');
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = merges;
  XLSX.utils.book_append_sheet(book, ws, '小学');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['旧数据'], [1]]), '旧表');
  book.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }] };
  return book;
}

export function messySchoolsXlsx(traditional = false): Buffer {
  return XLSX.write(messyBook(traditional), { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

export function messySchoolsXls(): Buffer {
  return XLSX.write(messyBook(), { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

/** The same table as a CSV in GBK, as Excel on Chinese Windows saves it (no merges). */
export function messySchoolsGbkCsv(): Buffer {
  const { rows } = messySchoolRows();
  const csv = rows.map((r) => r.map((v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\r\n');
  return gbk(csv);
}

export function gbk(text: string): Buffer {
  return Buffer.from(cptable.utils.encode(936, text) as Uint8Array);
}

export function xlsxOf(rows: readonly Row[], sheet = 'Sheet1', merges: XLSX.Range[] = []): Buffer {
  const book = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(rows as Row[]);
  if (merges.length) ws['!merges'] = merges;
  XLSX.utils.book_append_sheet(book, ws, sheet);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
