// The projection as a workbook a planner can paste from: county, townships, schools (students
// and classes), scenarios side by side, school-age population, births, the backtest, and a
// sheet saying what the figures rest on.
import * as XLSX from 'xlsx';
import { STAGE_LABEL, STAGES, type Stage } from '../../../shared/domain';
import { METHOD_LABEL, sizeClassLabel, type BacktestResult, type ProjectionExport, type ProjectionResult } from '../../../shared/projection';
import { STANDARDS } from '../../../shared/standards';
import { fitXlsxCell } from '../io/table-writer';

type Cell = string | number | null;

/** Adds sheets to `book`; texts cut to Excel's cell limit are listed in `truncated`. */
function sheetWriter(book: XLSX.WorkBook, truncated: string[]) {
  return (name: string, rows: Cell[][], widths: number[]): void => {
    const ws = XLSX.utils.aoa_to_sheet(rows.map((r, i) => r.map((c, col) => fitXlsxCell(c, `工作表“${name}”第 ${i + 1} 行第 ${col + 1} 列`, truncated))));
    ws['!cols'] = widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(book, ws, name);
  };
}

function stagesOf(r: ProjectionResult): Stage[] {
  return STAGES.filter((s) => r.county[s].some((v) => v > 0) || (r.history.county[s].at(-1) ?? 0) > 0);
}

function yearHeader(r: ProjectionResult): string[] {
  return [`${r.baseYear}（实际）`, ...r.years.map(String)];
}

function intervalNote(source: ProjectionResult['intervals']['source']): string {
  if (source === 'backtest') return '按本县历年回测误差估计：以此前各年为基准年重新预测，与实际比较，取实际÷预测的第 10 和第 90 百分位，分层级、学校规模档和预测年数。';
  if (source === 'history') return '历史过短无法回测，按各校历年逐年变化估计，仅供参考。';
  return '历史数据过短，无法估计。';
}

export function projectionWorkbook(r: ProjectionResult, countyName: string, bt: BacktestResult | null): ProjectionExport {
  const book = XLSX.utils.book_new();
  const truncated: string[] = [];
  const sheet = sheetWriter(book, truncated);
  const stages = stagesOf(r);
  const years = r.years.length;
  const baseOf = (s: Stage) => r.history.county[s].at(-1) ?? 0;
  const yearCols = new Array<number>(years + 1).fill(9);

  sheet(
    '全县分学段',
    [['学段', ...yearHeader(r)], ...stages.map((s) => [STAGE_LABEL[s], baseOf(s), ...r.county[s]])],
    [10, ...yearCols],
  );

  const twRows: Cell[][] = [['乡镇（街道）', '城乡', '学段', ...r.years.map(String)]];
  for (const t of r.townships) {
    for (const s of stages) if (t[s].some((v) => v > 0)) twRows.push([t.name, t.urbanRural, STAGE_LABEL[s], ...t[s]]);
  }
  sheet('分乡镇', twRows, [14, 6, 8, ...yearCols]);

  const head = ['学校标识码', '学校名称', '乡镇（街道）', '学段', '规模档', '逐校预测权重', `${r.baseYear}年在校生`];
  sheet(
    '分学校在校生',
    [[...head, ...r.years.map(String)], ...r.schools.map((s) => [s.code, s.name, s.townshipName, STAGE_LABEL[s.stage], sizeClassLabel(s.sizeClass), s.trust, s.base, ...s.students])],
    [12, 24, 12, 8, 12, 10, 10, ...yearCols],
  );
  sheet(
    '分学校班级',
    [['学校标识码', '学校名称', '乡镇（街道）', '学段', ...r.years.map(String)], ...r.schools.map((s) => [s.code, s.name, s.townshipName, STAGE_LABEL[s.stage], ...s.classes])],
    [12, 24, 12, 8, ...yearCols],
  );

  // 80 % intervals, one row for each end, so both stay numbers a planner can chart.
  if (r.countyLow && r.countyHigh) {
    const low = r.countyLow;
    const high = r.countyHigh;
    const range: Cell[][] = [['层级', '名称', '学段', '区间', ...r.years.map(String)]];
    for (const s of stages) {
      range.push(['全县', countyName, STAGE_LABEL[s], '下限', ...low[s]], ['全县', countyName, STAGE_LABEL[s], '上限', ...high[s]]);
    }
    for (const t of r.townships) {
      for (const s of stages) {
        if (!t.low || !t.high || !t[s].some((v) => v > 0)) continue;
        range.push(['乡镇', t.name, STAGE_LABEL[s], '下限', ...t.low[s]], ['乡镇', t.name, STAGE_LABEL[s], '上限', ...t.high[s]]);
      }
    }
    for (const sc of r.schools) {
      if (sc.low && sc.high) range.push(['学校', sc.name, STAGE_LABEL[sc.stage], '下限', ...sc.low], ['学校', sc.name, STAGE_LABEL[sc.stage], '上限', ...sc.high]);
    }
    sheet('80%预测区间', range, [6, 24, 8, 6, ...yearCols.slice(1)]);
  }

  const cmp: Cell[][] = [['情景', '学段', ...yearHeader(r)]];
  for (const c of r.comparison) for (const s of stages) cmp.push([c.scenario, STAGE_LABEL[s], baseOf(s), ...c.county[s]]);
  sheet('情景比较', cmp, [8, 8, ...yearCols]);

  const ages = Array.from({ length: 18 }, (_, a) => `${a}岁`);
  const known = r.population.knownUntil;
  sheet(
    '学龄人口',
    [
      ['年份', '类型', ...ages, '合计'],
      ...r.population.years.map((y, i) => {
        const row = r.population.county[i] ?? [];
        const total = row.reduce<number>((sum, v) => sum + (v ?? 0), 0);
        return [y, known !== null && y <= known ? '实际' : '预测', ...row, total];
      }),
    ],
    [6, 6, ...ages.map(() => 7), 9],
  );
  sheet(
    '出生人口',
    [['年份', '类型', '出生人数'], ...r.births.years.map((y, i) => [y, r.births.recorded[i] ? '记录' : '预测', r.births.county[i] ?? null])],
    [6, 6, 10],
  );

  if (bt) {
    const rows: Cell[][] = [
      [`回测：以 ${bt.baseYear} 年为基准年预测 ${bt.years[0]}–${bt.to} 年，与实际比较（平均绝对百分比误差 MAPE，%）`],
      ['层级', '学段', '本程序预测 MAPE', '本程序预测偏差', '沿用基准年 MAPE', '线性趋势 MAPE', '最准确的方法', '比较单元数'],
    ];
    const level = { county: '全县', township: '乡镇', school: '学校' } as const;
    for (const l of ['county', 'township', 'school'] as const) {
      for (const s of STAGES) {
        const a = bt.byLevel[l][s];
        if (a) rows.push([level[l], STAGE_LABEL[s], a.mape, a.bias, a.baselines.persistence.mape, a.baselines.trend.mape, a.best ? METHOD_LABEL[a.best] : null, a.n]);
      }
      const o = bt.overall[l];
      rows.push([level[l], '合计', o.mape, o.bias, o.baselines.persistence.mape, o.baselines.trend.mape, o.best ? METHOD_LABEL[o.best] : null, o.n]);
    }
    rows.push([]);
    for (const v of bt.verdict) rows.push([v]);
    sheet('回测', rows, [8, 8, 14, 14, 14, 14, 14, 10]);
  }

  const notes: Cell[][] = [
    ['项目', '内容'],
    ['县（区）', countyName],
    ['情景', r.scenario],
    ['基准年', r.baseYear],
    ['预测年份', `${r.years[0] ?? ''}–${r.horizon}`],
    ['学制', r.schoolSystem],
    ['出生人口年变化（历史趋势）', `${r.calibration.birthsTrendPct}%`],
    ['年级升级比取近年数', r.calibration.progressionYears],
    ['趋势拟合年数', r.calibration.trendYears],
    ['班级数', classSizeNote()],
    ['80% 预测区间', intervalNote(r.intervals.source)],
    ...r.flags.map((f): Cell[] => [f.level === 'warning' ? '注意' : '说明', f.message]),
  ];
  sheet('说明', notes, [22, 90]);

  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  const safeName = countyName.replace(/[\\/:*?"<>|]/g, '');
  return { fileName: `${safeName}学龄人口与在校生预测_${r.scenario}_${r.baseYear}-${r.horizon}.xlsx`, base64: bytes.toString('base64'), truncated };
}

function classSizeNote(): string {
  const size = STANDARDS.classSize.value;
  const [small, middle, large] = STANDARDS.kindergartenClassSize.value;
  return `按标准班额测算：小学 ${size.primary} 人、初中 ${size.junior} 人、高中 ${size.senior} 人；幼儿园小班 ${small}、中班 ${middle}、大班 ${large} 人`;
}
