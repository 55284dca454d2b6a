// What the 学校 page's 特殊教育/随迁子女 form and the 学校集团 editor send: one record to set, or a
// group to remove, each checked with messages naming the field. Written through the import
// journal as an edit (docs/ARCHITECTURE.md, "Edits"), so it is undone like any other.
import { z } from 'zod';
import { GROUP_KINDS, SCHOOL_GROUP_FIELDS } from './inclusion';
import { MAX_NAME_LENGTH } from './names';

const count = (label: string) =>
  z.number({ error: () => `${label}应为整数` }).int(`${label}应为整数`).min(0, `${label}不能小于 0`).max(100_000, `${label}不能大于 100000`).nullable();
const year = z.number({ error: () => '年份应为整数' }).int('年份应为整数').min(1949, '年份不能早于 1949').max(2100, '年份不能晚于 2100');
const school = (what: string) => z.string().trim().min(1, `请填写${what}的标识码或名称`).max(200, `${what}的标识码或名称过长`);
const groupName = z.string().trim().min(1, `${SCHOOL_GROUP_FIELDS.name.label}不能为空`).max(MAX_NAME_LENGTH, `${SCHOOL_GROUP_FIELDS.name.label}不超过 ${MAX_NAME_LENGTH} 个字`);

export const inclusionEditSchema = z.discriminatedUnion('what', [
  z.strictObject({
    what: z.literal('specialNeeds'), school: school('学校'), year,
    inclusive: count('随班就读残疾学生'), specialClass: count('特教班残疾学生'), homeTaught: count('送教上门残疾学生'), resourceRooms: count('资源教室'),
  }),
  z.strictObject({ what: z.literal('migrants'), school: school('学校'), year, pupils: count('随迁子女在校生'), purchased: count('政府购买学位') }),
  z.strictObject({
    what: z.literal('group'),
    /** The group's name before this edit (a rename); absent for a new group or one keeping its name. */
    previousName: groupName.optional(),
    name: groupName,
    kind: z.enum(GROUP_KINDS, { error: () => `类型应为：${GROUP_KINDS.join('、')}` }),
    core: school('核心学校'),
    members: z.array(school('成员学校')).max(500, '成员学校最多 500 所'),
    yearFormed: year.nullable(),
  }),
  z.strictObject({ what: z.literal('removeGroup'), name: groupName }),
]);
export type InclusionEdit = z.output<typeof inclusionEditSchema>;
