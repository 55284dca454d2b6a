// 办学类型, 举办者 and 城乡分类 as statistical tables write them (names, codes, variants),
// and the kind of a school inferred from its name and the grades that hold students.
import { KIND_LABEL, KIND_STAGES, type Ownership, type SchoolKind, type Stage, type UrbanRural } from '../domain/stages';
import { normaliseName } from './normalise';

const KIND_WORDS: readonly [RegExp, SchoolKind][] = [
  [/小学教学点|^教学点$/, 'teaching_point'],
  [/九年一贯制|九年制/, 'nine_year'],
  [/十二年一贯制|十二年制/, 'twelve_year'],
  [/完全中学|完中/, 'complete_middle'],
  [/特殊教育|特教|培智|启智|聋哑|盲校/, 'special'],
  [/中等职业|职业高中|职业中学|中等专业|中等技术|职教中心|职业教育中心|技工学校|中职|职高|中专/, 'vocational'],
  [/幼儿园|幼儿班|幼稚园/, 'kindergarten'],
  [/高级中学|普通高中|^高中$/, 'senior'],
  [/初级中学|^初中$/, 'junior'],
  [/^小学$|普通小学/, 'primary'],
];

/** 教育统计 school-type codes. */
const KIND_CODES: Record<string, SchoolKind> = {
  '111': 'kindergarten',
  '211': 'primary',
  '218': 'teaching_point',
  '311': 'junior',
  '312': 'nine_year',
  '341': 'complete_middle',
  '342': 'senior',
  '345': 'twelve_year',
  '365': 'vocational',
  '514': 'special',
};

const KIND_BY_LABEL = new Map((Object.entries(KIND_LABEL) as [SchoolKind, string][]).map(([kind, label]) => [normaliseName(label), kind]));

/** A 办学类型 cell → kind; null when it names none. */
export function parseKind(text: string): SchoolKind | null {
  const n = normaliseName(text);
  if (!n) return null;
  if (KIND_CODES[n]) return KIND_CODES[n] as SchoolKind;
  const exact = KIND_BY_LABEL.get(n);
  if (exact) return exact;
  for (const [re, kind] of KIND_WORDS) if (re.test(n)) return kind;
  return null;
}

/** Wraps a parser of cell text with a cache: a column holds few distinct values. */
export function memoised<T>(parse: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = parse(text);
      if (cache.size < 10_000) cache.set(text, v);
    }
    return v as T;
  };
}

const NAME_RULES: readonly [RegExp, SchoolKind | 'middle' | 'school'][] = [
  [/特殊教育|特教|培智|启智|聋哑|盲校|启聪|启明学校/, 'special'],
  [/职业|职教中心|职专|职中|中等专业|技工|中专/, 'vocational'],
  [/九年一贯制|九年制/, 'nine_year'],
  [/十二年一贯制|十二年制/, 'twelve_year'],
  [/完全中学/, 'complete_middle'],
  [/教学点/, 'teaching_point'],
  [/幼儿园|幼稚园|幼教中心|托幼|幼儿班/, 'kindergarten'],
  [/高级中学|高中/, 'senior'],
  [/初级中学|初中/, 'junior'],
  [/小学|国小|中心校|完小|村小/, 'primary'],
  [/中学/, 'middle'],
  [/学校/, 'school'],
];

/** Kind of a school teaching exactly these stages. */
export function kindOfStages(stages: ReadonlySet<Stage>): SchoolKind | null {
  const has = (s: Stage) => stages.has(s);
  if (stages.size === 0) return null;
  if (has('special')) return 'special';
  if (has('vocational')) return 'vocational';
  if (has('primary') && has('junior') && has('senior')) return 'twelve_year';
  if (has('primary') && has('junior')) return 'nine_year';
  if (has('junior') && has('senior')) return 'complete_middle';
  if (has('senior')) return 'senior';
  if (has('junior')) return 'junior';
  if (has('primary')) return 'primary';
  if (has('preschool')) return 'kindergarten';
  return null;
}

export interface KindGuess {
  kind: SchoolKind | null;
  /** How it was found, in Chinese. */
  how: string;
  /** The name and the grades disagreed; the grades won. */
  conflict: boolean;
}

/**
 * Infers 办学类型 from the school's name (…幼儿园, …小学, …教学点, …中学 …) and from the
 * stages whose grades hold students. A school's grades are the stronger evidence: a
 * "小学" with junior-secondary students is a 九年一贯制 school in all but name.
 */
export function inferKind(name: string, stagesWithStudents: ReadonlySet<Stage>): KindGuess {
  const n = normaliseName(name);
  const byName = NAME_RULES.find(([re]) => re.test(n))?.[1] ?? null;
  const byStages = kindOfStages(new Set([...stagesWithStudents].filter((s) => s !== 'preschool' || stagesWithStudents.size === 1)));
  const ofName = (k: SchoolKind) => ({ kind: k, how: `由校名推断为“${KIND_LABEL[k]}”`, conflict: false });
  const ofStages = (k: SchoolKind, conflict: boolean) => ({ kind: k, how: `由有学生的年级推断为“${KIND_LABEL[k]}”`, conflict });
  if (byName === 'middle') {
    if (byStages === 'complete_middle' || byStages === 'senior' || byStages === 'junior') return ofStages(byStages, false);
    return byStages ? ofStages(byStages, true) : ofName('junior');
  }
  if (byName === 'school' || byName === null) {
    return byStages ? ofStages(byStages, false) : { kind: null, how: '', conflict: false };
  }
  if (!byStages) return ofName(byName);
  const nameStages = new Set(KIND_STAGES[byName]);
  const same = [...stagesWithStudents].every((s) => nameStages.has(s) || s === 'preschool');
  if (same) return ofName(byName);
  return ofStages(byStages, true);
}

const OWNERSHIP_WORDS: readonly [RegExp, Ownership][] = [
  [/普惠/, '普惠性民办'],
  [/民办|私立|民营|社会力量|个人/, '民办'],
  [/公办|教育部门|其他部门|地方企业|事业单位|部队|集体|国有|政府|街道|乡镇|村委|公立/, '公办'],
];

export function parseOwnership(text: string): Ownership | null {
  const n = normaliseName(text);
  if (!n) return null;
  for (const [re, o] of OWNERSHIP_WORDS) if (re.test(n)) return o;
  return null;
}

/** 统计用城乡分类代码 (111 主城区 … 220 村庄) and their names. */
const URBAN_CODES: Record<string, UrbanRural> = {
  '111': '城区', '112': '城区', '121': '镇区', '122': '镇区', '123': '镇区', '210': '乡村', '220': '乡村',
};

export function parseUrbanRural(text: string): UrbanRural | null {
  const n = normaliseName(text);
  if (!n) return null;
  if (URBAN_CODES[n]) return URBAN_CODES[n] as UrbanRural;
  if (/^(城区|主城区|城乡结合区|城市|城镇|市区|县城|城)$/.test(n)) return '城区';
  if (/^(镇区|镇中心区|镇乡结合区|特殊区域|镇)$/.test(n)) return '镇区';
  if (/^(乡村|乡中心区|村庄|农村|乡)$/.test(n)) return '乡村';
  return null;
}
