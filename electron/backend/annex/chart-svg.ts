// Annex figures as SVG from ECharts' server-side renderer: vector output stays sharp on
// paper, needs no canvas and no DOM, and uses the same library as the UI's charts. ECharts is
// loaded with the first figure, not with the backend: run from source it was the largest part
// of the backend's start (docs/ARCHITECTURE.md, "The backend's start").
import type { EChartsCoreOption } from 'echarts/core';
import { typeArea, type AnnexChart, type ChartPanel, type Paper } from '../../../shared/annex';
import { PRIMARY_COLOR, STAGE_COLOR } from '../../../shared/domain';
import { HEI_STACK } from './fonts';
import { forgetIfRejected } from '../services/forget-rejected';

type ECharts = typeof import('echarts/core');

let loading: Promise<ECharts> | null = null;

/** ECharts with the parts the figures use, loaded once (again after a failed load). */
function printEcharts(): Promise<ECharts> {
  loading ??= forgetIfRejected(
    Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]).then(
      ([echarts, charts, components, renderers]) => {
        echarts.use([charts.BarChart, charts.LineChart, components.GridComponent, components.LegendComponent, components.TitleComponent, renderers.SVGRenderer]);
        return echarts;
      },
    ),
    () => (loading = null),
  );
  return loading;
}

/** The UI's stage colours, dark enough to print in grey; demand in the app's blue. */
const COLORS: Record<string, string> = { ...STAGE_COLOR, demand: PRIMARY_COLOR, capacity: '#555555' };
const FALLBACK = (['primary', 'preschool', 'junior', 'senior', 'special', 'vocational'] as const).map((s) => STAGE_COLOR[s]);

const PX_PER_MM = 96 / 25.4;
const LEGEND_HEIGHT = 36;
const PANEL_TITLE = 24;

export interface ChartSize {
  width: number;
  height: number;
}

/** The figure fills the type area's width; its height keeps it on the annex's first page. */
export function chartSize(chart: AnnexChart, paper: Paper): ChartSize {
  const area = typeArea(paper);
  const width = Math.round(area.widthMm * PX_PER_MM);
  const cols = chart.panels.length > 1 ? Math.max(1, chart.columns ?? 1) : 1;
  const rows = Math.ceil(chart.panels.length / cols);
  // Title block and notes take about 45 mm; the rest of the type area is the most a figure may use.
  const maxHeight = Math.round((area.heightMm - 45) * PX_PER_MM);
  const natural = rows === 1 ? width * (paper === 'A4 portrait' ? 0.72 : 0.45) : LEGEND_HEIGHT + rows * (width / cols) * 0.62;
  return { width, height: Math.round(Math.min(maxHeight, natural)) };
}

function thousands(v: number): string {
  return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function buildOption(chart: AnnexChart, size: ChartSize): EChartsCoreOption {
  const cols = chart.panels.length > 1 ? Math.max(1, chart.columns ?? 1) : 1;
  const rows = Math.ceil(chart.panels.length / cols);
  const multi = chart.panels.length > 1;
  const cellW = size.width / cols;
  const cellH = (size.height - LEGEND_HEIGHT) / rows;
  const colorOf = (key: string | undefined, i: number) => (key && COLORS[key]) || FALLBACK[i % FALLBACK.length];
  const legendNames = [...new Set(chart.panels.flatMap((p) => p.series.map((s) => s.name)))];

  const place = (i: number) => ({ col: i % cols, row: Math.floor(i / cols) });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: HEI_STACK, fontSize: 12, color: '#000000' },
    legend: { top: 4, left: 'center', data: legendNames, itemWidth: 16, itemHeight: 9, textStyle: { fontSize: 12 } },
    title: multi
      ? chart.panels.map((p: ChartPanel, i) => {
          const { col, row } = place(i);
          return {
            text: p.title ?? '',
            left: Math.round(col * cellW + cellW / 2),
            top: Math.round(LEGEND_HEIGHT + row * cellH),
            textAlign: 'center',
            textStyle: { fontSize: 13, fontWeight: 'normal', fontFamily: HEI_STACK },
          };
        })
      : [],
    grid: chart.panels.map((_p, i) => {
      const { col, row } = place(i);
      const top = LEGEND_HEIGHT + row * cellH + (multi ? PANEL_TITLE : 14);
      return {
        left: Math.round(col * cellW + 12),
        width: Math.round(cellW - 36),
        top: Math.round(top),
        height: Math.round(cellH - (top - LEGEND_HEIGHT - row * cellH) - 30),
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      };
    }),
    xAxis: chart.panels.map((p, i) => ({
      type: 'category',
      gridIndex: i,
      data: p.categories,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#000000' } },
      axisLabel: { color: '#000000', fontSize: 11 },
    })),
    yAxis: chart.panels.map((p, i) => ({
      type: 'value',
      gridIndex: i,
      name: p.yName,
      nameTextStyle: { color: '#000000', align: 'left', fontSize: 11 },
      axisLine: { show: true, lineStyle: { color: '#000000' } },
      axisLabel: { color: '#000000', fontSize: 11, formatter: thousands },
      splitLine: { lineStyle: { color: '#d9d9d9' } },
    })),
    series: chart.panels.flatMap((p, i) =>
      p.series.map((s, si) => ({
        type: s.type,
        name: s.name,
        stack: s.stack,
        xAxisIndex: i,
        yAxisIndex: i,
        data: s.values,
        barMaxWidth: 48,
        symbolSize: 5,
        itemStyle: { color: colorOf(s.colorKey, si) },
        lineStyle: { color: colorOf(s.colorKey, si), width: 2, type: s.dashed ? 'dashed' : 'solid' },
      })),
    ),
  };
}

/** One standalone <svg> element; fonts come from the system at print time. */
export async function renderChartSvg(chart: AnnexChart, paper: Paper): Promise<string> {
  const echarts = await printEcharts();
  const size = chartSize(chart, paper);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(buildOption(chart, size));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
