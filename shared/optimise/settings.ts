// The optimiser's own settings: the weight of each term of the objective, the service
// distances, the solver's limits. Each default names where it comes from; none is a national
// norm (those are in shared/standards and reach the optimiser through the plan's settings:
// class sizes, school-size limits, standard sizes, floor area per student, cost per m²).
import { z } from 'zod';

export const OPTIMISE_SOURCES = {
  travelWeight: '本程序默认：每生每公里每年约 200 元（往返、按 180 个在校日计的交通与时间成本的粗估）',
  boardingPenalty: '本程序默认：寄宿生每人每年 3000 元（生活费补助与管理成本的粗估）',
  unmetPenalty: '本程序默认：每名无学位儿童每年 5 万元，高于新增一个学位的建设成本，使模型优先补足学位',
  operatingPerSchool: '本程序默认：每校每年 30 万元固定运行成本（不随学生数变化的部分）',
  beyondPenalty: '本程序默认：超出服务半径（不超过其 2 倍）走读的学生每人每年 1000 元（校车或交通补助的粗估）',
  beyondFactor: '本程序默认：走读最远为服务半径的 2 倍，更远只能寄宿（初中）或就近新建',
  boardingSectionCost: '参考值：每个寄宿部（宿舍、食堂）约 500 万元',
  serviceKm: '参考值：小学服务半径 2.5 km、初中 5 km、幼儿园 1.5 km（道路距离；各省规定不一，请按本地标准修改）',
  boardingKm: '参考值：寄宿就读的初中学生住处距学校不超过 20 km',
  holding: '本程序默认：建设资金占用成本每年 3%（接近地方政府专项债券利率），使项目不早于需要时建成',
  roadFactor: '参考值：路网系数 1.3（道路距离 ÷ 直线距离，平原县约 1.2–1.4）',
} as const;

const wan = z.number().min(0).max(1_000_000);

export const optimiseWeightsSchema = z.object({
  /** 万元 per child-km per year. */
  travelWeight: z.number().min(0).max(100).default(0.02),
  /** 万元 per boarding child per year. */
  boardingPenalty: z.number().min(0).max(100).default(0.3),
  /** 万元 per child per year beyond the service distance without boarding. */
  beyondPenalty: z.number().min(0).max(100).default(0.1),
  /** 万元 per child without a seat per year. */
  unmetPenalty: z.number().min(0).max(1000).default(5),
  /** 万元 per open school per year. */
  operatingPerSchool: wan.default(30),
  /** 万元 per boarding section. */
  boardingSectionCost: wan.default(500),
  /** Share of a build's cost per year in use. */
  holding: z.number().min(0).max(0.5).default(0.03),
});
export type OptimiseWeights = z.output<typeof optimiseWeightsSchema>;

export const serviceDistanceSchema = z.object({
  preschool: z.number().min(0.1).max(100).default(1.5),
  primary: z.number().min(0.1).max(100).default(2.5),
  junior: z.number().min(0.1).max(100).default(5),
});

export const optimiseSettingsSchema = optimiseWeightsSchema.extend({
  /** Road km. */
  serviceKm: serviceDistanceSchema.prefault({}),
  /** Children may travel without boarding up to this many times the service distance. */
  beyondFactor: z.number().min(1).max(5).default(2),
  /** Road km a junior boarder may live from school; boarding is offered for junior schools only. */
  boardingKm: z.number().min(1).max(200).default(20),
  roadFactor: z.number().min(1).max(3).default(1.3),
  /** Seconds the solver may take. */
  timeLimit: z.number().min(1).max(3600).default(10),
  /** Relative gap at which the solver stops. */
  mipGap: z.number().min(0).max(0.5).default(0.005),
});
export type OptimiseSettings = z.output<typeof optimiseSettingsSchema>;

export function defaultOptimiseSettings(): OptimiseSettings {
  return optimiseSettingsSchema.parse({});
}
