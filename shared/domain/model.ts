// The county's data as plain objects: what the project file stores and what the sample
// generator, the importers and the engines exchange.
import type { Ownership, SchoolKind, SchoolSystem, Stage, UrbanRural } from './stages';

export interface CountyMeta {
  name: string;
  /** 6-digit administrative division code. */
  code: string;
  schoolSystem: SchoolSystem;
  /** Last year with recorded data; projections start after it. */
  baseYear: number;
}

export interface Township {
  /** 9-digit township code (county code + 3 digits). */
  code: string;
  name: string;
  /** 街道 / 镇 / 乡 */
  kind: '街道' | '镇' | '乡';
  urbanRural: UrbanRural;
  /** 学区/片区 name; empty when not assigned. */
  area: string;
}

export interface School {
  /** 学校标识码: 10 digits. */
  code: string;
  name: string;
  kind: SchoolKind;
  ownership: Ownership;
  /** Township code. */
  township: string;
  urbanRural: UrbanRural;
  lat: number | null;
  lng: number | null;
  /** Land area, m². */
  siteArea: number | null;
  /** Total floor area, m². */
  floorArea: number | null;
  /** 教学及辅助用房面积, m². */
  teachingArea: number | null;
  /** 体育运动场馆面积, m². */
  sportsArea: number | null;
  /** 教学仪器设备资产值, 万元. */
  equipmentValue: number | null;
  /** 网络多媒体教室数. */
  multimediaRooms: number | null;
  boardingStudents: number | null;
  designClasses: number | null;
  designSeats: number | null;
  /** '在办' or '停办'. */
  status: '在办' | '停办';
}

/** Classes and students of one school, stage and grade in one year. */
export interface EnrolmentRecord {
  school: string;
  year: number;
  stage: Stage;
  /** 1-based grade within the stage (小班 = 1). */
  grade: number;
  classes: number;
  students: number;
}

export interface StaffRecord {
  school: string;
  year: number;
  /** 专任教师. */
  teachers: number;
  /** 高于规定学历教师. */
  qualifiedAbove: number;
  /** 县级以上骨干教师. */
  keyTeachers: number;
  /** 体育、艺术（美术、音乐）专任教师. */
  peArtsTeachers: number;
}

export interface PopulationRecord {
  township: string;
  year: number;
  age: number;
  /** 'T' total; 'M' and 'F' when the source splits by sex. */
  sex: 'T' | 'M' | 'F';
  count: number;
  /** 七普 census, yearly estimate, import... */
  source: string;
}

export interface BirthRecord {
  township: string;
  year: number;
  count: number;
  source: string;
}

export interface CountyData {
  meta: CountyMeta;
  townships: Township[];
  schools: School[];
  enrolment: EnrolmentRecord[];
  staff: StaffRecord[];
  population: PopulationRecord[];
  births: BirthRecord[];
}
