// Where the faces of an installed font family are: the file and the face index inside a
// collection (.ttc), regular and bold, as the browser picks them for font-weight 400 and 700.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WINDOWS_FILES } from './font-choice';

export interface FaceFile {
  file: string;
  index: number;
}

export interface FamilyFaces {
  family: string;
  regular: FaceFile;
  /** Null where the family has no bold face: the browser then emboldens the regular one. */
  bold: FaceFile | null;
}

// fontconfig's weights (fontconfig.h): REGULAR 80, BOLD 200; widths: NORMAL 100.
const FC_REGULAR = 80;
const FC_BOLD = 200;

interface FcEntry extends FaceFile {
  weight: number;
  upright: boolean;
  normalWidth: boolean;
}

/** A family name inside a fontconfig pattern, where '-', ':', ',' and '\' are syntax. */
const fcPattern = (family: string) => family.replace(/[\\\-:,]/g, (c) => `\\${c}`);

function fcEntries(family: string): FcEntry[] {
  const out = execFileSync('fc-list', ['-f', '%{file}|%{index}|%{weight}|%{slant}|%{width}\\n', fcPattern(family)], {
    encoding: 'utf8',
    timeout: 5000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const entries: FcEntry[] = [];
  for (const line of out.split('\n')) {
    const [file, index, weight, slant, width] = line.split('|');
    // A variable font lists its weight as a range; its named instances are not separate faces to cut.
    if (!file || !/^\d+$/.test(weight ?? '') || !/^\d+$/.test(index ?? '')) continue;
    entries.push({
      file,
      // Above 0xffff fontconfig numbers the named instances of a variable font.
      index: Number(index) & 0xffff,
      weight: Number(weight),
      upright: Number(slant) === 0,
      normalWidth: !width || width === '100',
    });
  }
  return entries;
}

function closest(entries: FcEntry[], weight: number, accept: (w: number) => boolean): FaceFile | null {
  const fitting = entries.filter((e) => e.upright && e.normalWidth && accept(e.weight));
  fitting.sort((a, b) => Math.abs(a.weight - weight) - Math.abs(b.weight - weight) || a.file.localeCompare(b.file));
  const best = fitting[0];
  return best ? { file: best.file, index: best.index } : null;
}

function fontconfigFaces(family: string): FamilyFaces | null {
  const entries = fcEntries(family);
  const regular = closest(entries, FC_REGULAR, (w) => w >= 50 && w <= 100);
  if (!regular) return null;
  return { family, regular, bold: closest(entries, FC_BOLD, (w) => w >= 180) };
}

/** The bold files that sit beside a Windows face (simhei, simfang and simsun have none). */
const WINDOWS_BOLD: Record<string, string> = { 'msyh.ttc': 'msyhbd.ttc' };

function windowsFaces(family: string): FamilyFaces | null {
  const dir = path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
  const present = new Map(fs.readdirSync(dir).map((f) => [f.toLowerCase(), path.join(dir, f)]));
  const name = Object.keys(WINDOWS_FILES).find((f) => WINDOWS_FILES[f]?.includes(family) && present.has(f));
  const file = name ? present.get(name) : undefined;
  if (!name || !file) return null;
  const boldName = WINDOWS_BOLD[name];
  const bold = boldName ? present.get(boldName) : undefined;
  return { family, regular: { file, index: 0 }, bold: bold ? { file: bold, index: 0 } : null };
}

/** The faces of `family` on this machine; null when it is not found or cannot be listed. */
export function familyFaces(family: string): FamilyFaces | null {
  try {
    return process.platform === 'win32' ? windowsFaces(family) : fontconfigFaces(family);
  } catch {
    return null;
  }
}
