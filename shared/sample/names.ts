// Chinese names for the fictional county: townships, villages and kindergarten brands.
// Pools are larger than one county needs so that counties of a province look different.

export const SAMPLE_COUNTY_NAME = '示例县';

/** County name by index in a generated province: 示例县, 示例县2, 示例县3 … */
export function countyName(index: number): string {
  return index === 0 ? SAMPLE_COUNTY_NAME : `${SAMPLE_COUNTY_NAME}${index + 1}`;
}

/** The county town is always 城关镇: the usual name of a county seat's town. */
export const COUNTY_TOWN = '城关镇';

/** Street offices and the compass side of the county town they lie on (degrees, 0 = east). */
export const STREETS: readonly { name: string; bearing: number }[] = [
  { name: '东城街道', bearing: 0 },
  { name: '西城街道', bearing: 180 },
  { name: '南关街道', bearing: 270 },
  { name: '北关街道', bearing: 90 },
];

/** Rural townships: 镇 and 乡 in the style of the central plains. */
export const RURAL_TOWNSHIPS: readonly string[] = [
  '龙泉镇', '石桥镇', '柳河镇', '青山乡', '白马镇', '杨庄乡', '高台镇', '双河镇',
  '马坊乡', '清水镇', '枣林乡', '黄土岗镇', '桃园乡', '金沟镇', '卧龙乡', '大营镇',
  '孙店镇', '三里河乡', '铁炉乡', '望城岗镇', '新集镇', '古城乡', '安乐镇', '凤凰镇',
];

/** Village names for 村小 and 教学点 (school names carry the township in front). */
export const VILLAGES: readonly string[] = [
  '王庄', '李寨', '张楼', '刘集', '陈湾', '赵河', '孙岗', '周营', '吴店', '郑庄',
  '冯楼', '何寨', '高庄', '后营', '前屯', '大王庄', '小李庄', '东沟', '西岭', '北坡',
  '南洼', '柿园', '杏花', '马庄', '韩寨', '杨湾', '朱楼', '胡岗', '郭集', '罗庄',
  '梁村', '宋庄', '谢营', '唐河', '许岗', '邓庄', '曹楼', '彭店', '田湾', '董寨',
  '袁庄', '潘楼', '蒋集', '蔡岗', '余庄', '杜寨', '叶湾', '程楼', '魏庄', '苏集',
];

/** Brand names private kindergartens typically use. */
export const KINDERGARTEN_BRANDS: readonly string[] = [
  '阳光', '金太阳', '小天使', '博雅', '育才', '启明星', '蓝天', '贝贝佳', '童心', '爱心',
  '新星双语', '金色摇篮', '七彩虹', '小博士', '好孩子', '花蕾', '春蕾', '明珠', '智慧树',
  '东方娃娃', '小太阳', '乐乐', '快乐宝贝', '晨曦',
];

/** '东城街道' → '东城', '城关镇' → '城关': the short form schools are named after. */
export function shortName(township: string): string {
  return township.replace(/(街道|镇|乡)$/, '');
}

/** Chinese ordinal used in school names: 第一, 第二 … */
export function ordinal(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return `第${digits[n] ?? String(n)}`;
}
