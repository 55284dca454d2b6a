// Finding the stored school a row names, by 学校标识码 first, else by its name in normalised
// form (so a Traditional or full-width spelling finds it); for kinds whose rows add facts to
// schools the project already holds, and never create one.
import type { School } from '../domain/school';
import { normaliseName } from './normalise';

export type SchoolRef = { ok: true; school: School } | { ok: false; message: string };

export class SchoolFinder {
  private readonly byCode: Map<string, School>;
  private readonly byName = new Map<string, School[]>();

  constructor(schools: readonly School[]) {
    this.byCode = new Map(schools.map((s) => [s.code, s]));
    for (const s of schools) {
      for (const n of [s.name, ...(s.formerNames ?? [])]) {
        const k = normaliseName(n);
        this.byName.set(k, [...(this.byName.get(k) ?? []).filter((o) => o.code !== s.code), s]);
      }
    }
  }

  find(code: string | null, name: string): SchoolRef {
    if (code) {
      const s = this.byCode.get(code);
      if (s) return { ok: true, school: s };
      return { ok: false, message: `项目中没有标识码为 ${code} 的学校。请先导入学校数据，或改正标识码。` };
    }
    if (!name) return { ok: false, message: '缺少学校标识码和学校名称。请至少填写其中之一。' };
    const found = this.byName.get(normaliseName(name)) ?? [];
    if (found.length === 1) return { ok: true, school: found[0] as School };
    if (found.length > 1) return { ok: false, message: `有 ${found.length} 所学校叫“${name}”（${found.map((s) => s.code).join('、')}），请填写学校标识码指明是哪一所。` };
    return { ok: false, message: `项目中没有名为“${name}”的学校。请先导入学校数据，或改正学校名称。` };
  }
}
