// Opening, creating and describing project files.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/api';
import type { ProjectInfo, ProjectSummary } from '../../../shared/api/types';
import { byYearAndStage } from '../../../shared/analysis/enrolment';
import { emptyByStage, KIND_STAGES, type CountyData, type CountyMeta, type Township } from '../../../shared/domain';
import { countyDivision } from '../../../shared/divisions/counties';
import { officialTownships } from '../../../shared/divisions/townships';
import { AppError } from '../errors';
import { newTownshipShape } from '../../../shared/import/townships';
import { generateCounty, SAMPLE_COUNTY_NAME } from '../../../shared/sample';
import { createBackup } from '../db/backups';
import { insertCountyData } from '../db/county-data';
import { readMeta, writeMeta } from '../db/meta';
import { LATEST_VERSION } from '../db/migrations';
import { createProjectFile, openProjectFile, type ProjectFile } from '../db/project-file';
import { createSampleProject } from './sample-plan';
import { allEnrolment, allSchools, counts, distinctYears, populationByAge } from '../db/queries';

/** The county's meta under the names the API gives them. */
export function countyFields(meta: CountyMeta): Pick<ProjectSummary, 'name' | 'countyCode' | 'schoolSystem' | 'baseYear'> {
  return { name: meta.name, countyCode: meta.code, schoolSystem: meta.schoolSystem, baseYear: meta.baseYear };
}

/** The same rule as the forecast's default base year (services/projection.ts `defaultBaseYear`). */
function startYear(years: readonly number[], baseYear: number): number | null {
  const upTo = years.filter((y) => y <= baseYear);
  const pool = upTo.length > 0 ? upTo : years;
  return pool.length > 0 ? Math.max(...pool) : null;
}

export function summarize(file: ProjectFile): ProjectSummary {
  const meta = readMeta(file.db);
  const c = counts(file.db);
  return {
    path: file.path,
    ...countyFields(meta),
    dataYear: startYear(distinctYears(file.db, 'enrolment'), meta.baseYear),
    schemaVersion: LATEST_VERSION,
    townships: c.townships,
    schools: c.schools,
  };
}

export async function openProject(filePath: string): Promise<ProjectFile> {
  return openProjectFile(filePath);
}

export async function createProject(input: ParsedInput<'project.create'>): Promise<ProjectFile> {
  if (input.sample) {
    const sample = generateCounty();
    const meta = { ...sample.meta, name: input.name, code: input.countyCode ?? sample.meta.code };
    return createSampleProject(input.path, { ...sample, meta: { ...meta, schoolSystem: input.schoolSystem ?? meta.schoolSystem } });
  }
  const meta = {
    name: input.name,
    code: input.countyCode ?? '000000',
    schoolSystem: input.schoolSystem ?? '六三制',
    baseYear: new Date().getFullYear() - 1,
  } as const;
  if (input.officialTownships) {
    return createProjectWithData(input.path, { meta, townships: officialCountyTownships(meta.code), schools: [], enrolment: [], staff: [], population: [], births: [] });
  }
  return createProjectFile(input.path, (db) => writeMeta(db, meta));
}

/** The county's official townships as project records; 城区 and kind inferred as an import infers them. */
function officialCountyTownships(countyCode: string): Township[] {
  const county = countyDivision(countyCode);
  const list = officialTownships(countyCode);
  if (!county || list.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      county
        ? `全国行政区划表中“${county.path.join(' ')}”（${countyCode}）下没有乡镇（街道），无法预置。请不勾选预置乡镇，导入第一份表时会按表中名称建立。`
        : `全国行政区划表中没有代码为 ${countyCode} 的县（市、区）。请核对 6 位区划代码，或从省、市、县列表中选择。`,
    );
  }
  return list.map((t) => ({ ...t, ...newTownshipShape(t.name), area: '' }));
}

/** Creates a project file holding a whole county (the sample, or a generated one). */
export function createProjectWithData(filePath: string, data: CountyData): Promise<ProjectFile> {
  return createProjectFile(filePath, (db) => insertCountyData(db, data));
}

export function sampleProjectPath(projectsDir: string): string {
  return path.join(projectsDir, `${SAMPLE_COUNTY_NAME}.csplan`);
}

/** Opens the sample county, creating it on first use; reset re-creates it after a backup. */
export async function openSampleProject(projectsDir: string, reset: boolean): Promise<ProjectFile> {
  fs.mkdirSync(projectsDir, { recursive: true });
  const target = sampleProjectPath(projectsDir);
  if (fs.existsSync(target)) {
    if (!reset) return openProjectFile(target);
    const old = await openProjectFile(target);
    await createBackup(old.db, old.path, '重置示例县前');
    old.close();
    fs.rmSync(target, { force: true });
  }
  return createSampleProject(target);
}

export function projectInfo(file: ProjectFile): ProjectInfo {
  const meta = readMeta(file.db);
  const schools = allSchools(file.db);
  const byStage = emptyByStage();
  for (const s of schools) for (const st of KIND_STAGES[s.kind]) byStage[st] += 1;
  const populationByYear: Record<string, number[]> = {};
  for (const p of populationByAge(file.db)) {
    if (p.age > 17) continue;
    const ages = (populationByYear[p.year] ??= new Array<number>(18).fill(0));
    ages[p.age] = (ages[p.age] ?? 0) + p.count;
  }
  return {
    ...countyFields(meta),
    townships: counts(file.db).townships,
    schools: { total: schools.length, byStage },
    enrolmentYears: distinctYears(file.db, 'enrolment'),
    populationYears: distinctYears(file.db, 'population'),
    birthYears: distinctYears(file.db, 'births'),
    studentsByYear: byYearAndStage(allEnrolment(file.db), 'students'),
    populationByYear,
  };
}

export function updateMeta(file: ProjectFile, input: ParsedInput<'project.updateMeta'>): ProjectSummary {
  writeMeta(file.db, { name: input.name, code: input.countyCode, schoolSystem: input.schoolSystem, baseYear: input.baseYear });
  return summarize(file);
}
