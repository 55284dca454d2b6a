// Which fonts an annex is set in, said beside the file: GB/T 9704-2012 asks for 方正小标宋 titles,
// 黑体 headings and 仿宋_GB2312 text; the PDF takes the first face of each stack installed here,
// XLSX and DOCX name the standard faces and the machine that opens them substitutes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AnnexFormat } from '../../../shared/annex';
import { BODY_FONTS, HEI_FONTS, OFFICE_FONTS, TITLE_FONTS } from './fonts';

interface Role {
  label: string;
  stack: readonly string[];
  /** The faces GB/T 9704 names for the role. */
  standard: readonly string[];
}

const ROLES: Role[] = [
  { label: '标题', stack: TITLE_FONTS, standard: ['FZXiaoBiaoSong-B05S', '方正小标宋简体', '方正小标宋_GBK'] },
  { label: '表头', stack: HEI_FONTS, standard: ['SimHei', '黑体'] },
  // Times New Roman sets only the digits; the Chinese text takes the next face.
  { label: '正文', stack: BODY_FONTS.filter((f) => f !== 'Times New Roman'), standard: ['FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋'] },
];

const GENERIC = new Set(['serif', 'sans-serif']);

/** Font files of a Windows fonts folder and the family names they install. */
export const WINDOWS_FILES: Record<string, string[]> = {
  'simhei.ttf': ['SimHei', '黑体'],
  'simfang.ttf': ['FangSong', '仿宋'],
  'simsun.ttc': ['SimSun', '宋体'],
  'msyh.ttc': ['Microsoft YaHei'],
  'fzxbsjw.ttf': ['FZXiaoBiaoSong-B05S', '方正小标宋简体'],
  'fzxbsk.ttf': ['方正小标宋_GBK'],
  'fs_gb2312.ttf': ['FangSong_GB2312', '仿宋_GB2312'],
  'simfang_gb2312.ttf': ['FangSong_GB2312', '仿宋_GB2312'],
};

/** Font family names installed on this machine (fontconfig, or the Windows fonts folder); empty when unknown. */
export function installedFontFamilies(): Set<string> {
  const names = new Set<string>();
  try {
    if (process.platform === 'win32') {
      const dir = path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
      for (const f of fs.readdirSync(dir)) for (const n of WINDOWS_FILES[f.toLowerCase()] ?? []) names.add(n);
    } else {
      const out = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
      for (const line of out.split('\n')) for (const n of line.split(',')) if (n.trim()) names.add(n.trim());
    }
  } catch {
    // No fontconfig: the note then says the faces are not known.
  }
  return names;
}

/** The face each role is set in: the first of its stack installed (null: the browser's default). */
export function chosenFonts(installed: ReadonlySet<string>): { label: string; font: string | null; standard: boolean }[] {
  return ROLES.map((r) => {
    const font = r.stack.find((f) => !GENERIC.has(f) && installed.has(f)) ?? null;
    return { label: r.label, font, standard: font !== null && r.standard.includes(font) };
  });
}

/** One sentence for the planner: which faces the file uses and whether they are the standard's. */
export function fontsNote(format: AnnexFormat, installed: ReadonlySet<string>): string {
  if (format !== 'pdf') {
    return `字体：文件中标题用${OFFICE_FONTS.title}、表头用${OFFICE_FONTS.hei}、正文用${OFFICE_FONTS.body}（GB/T 9704-2012），打开文件的电脑未安装时由办公软件替换。`;
  }
  const chosen = chosenFonts(installed);
  const parts = chosen.map((c) => `${c.label} ${c.font ?? '系统默认字体'}${c.standard ? '' : '（替代）'}`);
  const missing = chosen.filter((c) => !c.standard).length;
  return (
    `字体：${parts.join('，')}。` +
    (missing === 0
      ? '均为 GB/T 9704-2012 规定的字体。'
      : `本机未安装 GB/T 9704-2012 规定的${missing === chosen.length ? '方正小标宋、黑体、仿宋_GB2312' : chosen.filter((c) => !c.standard).map((c) => `${c.label}字体`).join('、')}，已用替代字体；安装后重新生成即可。`)
  );
}
