// One chart wrapper for the whole UI: modular ECharts (only the pieces used) with the SVG
// renderer, which stays sharp when printed or zoomed and needs no canvas fonts.
import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import { usePageShown, usePageStaged } from '../layout/keptPages';
import { inOwnTask } from '../lib/ownTasks';
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, type BarSeriesOption, type CustomSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | CustomSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export const CHART_FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

// Series data and category lists change with every answer; functions (formatters) are new
// closures each time. Neither changes what the chart is made of.
function shapeOf(option: ChartOption): string {
  return JSON.stringify(option, (key, value: unknown) => (key === 'data' ? undefined : typeof value === 'function' ? 'ƒ' : value));
}

/**
 * Draws `option` and returns its shape. The first draw grows in; every later one is drawn at
 * once, without tweening (`animation: false`, so ECharts neither morphs the lines nor runs
 * frames after this one): the frame after a change (a slider move) shows the final values.
 * An option of the shape already drawn (the same series, axes and labels, new figures) is
 * merged into the chart's model, which keeps its components; any other replaces the model.
 * Merging is safe only then: every key the last option set is set again, so nothing stale
 * survives (series are matched by position, and their data arrays are replaced whole).
 */
function draw(chart: echarts.ECharts, option: ChartOption, drawnShape: string | null): string {
  const shape = shapeOf(option);
  const first = drawnShape === null;
  chart.setOption(
    { textStyle: { fontFamily: CHART_FONT }, ...(first ? { animationDuration: 400 } : { animation: false }), ...option },
    { notMerge: shape !== drawnShape },
  );
  return shape;
}

interface Props {
  option: ChartOption;
  height?: number | string;
  style?: CSSProperties;
  testId?: string;
  /** Read by screen readers; charts are otherwise opaque to them. */
  label?: string;
}

export function EChart({ option, height = 300, style, testId, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  // The option last drawn, as its shape (everything but the data arrays); see draw().
  const shapeRef = useRef<string | null>(null);
  const optionRef = useRef(option);
  const drawnOption = useRef<ChartOption | null>(null);
  const shown = usePageShown();
  const staged = usePageStaged();
  /** A chart not yet drawn: now (its page shown) or in a task of its own (its page in the document again). */
  const waiting = useRef<{ now(): void; later(): void } | null>(null);

  // Layout effects: the chart is drawn in the same task as React's commit, so the frame that
  // shows the page's new figures shows the chart's too (the timings end at that frame). On a
  // page being built ahead nobody waits for that frame: the chart is drawn in a task of its own
  // (lib/ownTasks.ts), or at once if the page is shown first.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let observer: ResizeObserver | null = null;
    const start = () => {
      waiting.current = null;
      const chart = echarts.init(el, null, { renderer: 'svg', locale: 'ZH' });
      chartRef.current = chart;
      drawnOption.current = optionRef.current;
      shapeRef.current = draw(chart, optionRef.current, null);
      // Containers change size with the sider, drawers and the window: follow all of them. A
      // kept page off the document reports 0 × 0, and coming back the size it had: neither redraws.
      let drawn = `${el.clientWidth}x${el.clientHeight}`;
      observer = new ResizeObserver(() => {
        if (el.clientWidth === 0 || el.clientHeight === 0) return;
        const size = `${el.clientWidth}x${el.clientHeight}`;
        if (size === drawn) return;
        drawn = size;
        chart.resize();
      });
      observer.observe(el);
    };
    let cancel = () => {};
    // A page taken out of the document before the chart's turn (a build cut short by a click)
    // draws it when it is built on or shown.
    const later = () => {
      cancel();
      cancel = inOwnTask(() => {
        if (el.isConnected) start();
      });
    };
    waiting.current = {
      now: () => {
        cancel();
        start();
      },
      later,
    };
    if (shown) start();
    else later();
    return () => {
      cancel();
      waiting.current = null;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
      shapeRef.current = null;
      drawnOption.current = null;
    };
    // Mounted once; `shown` is read for the first draw only (the effect below follows it).
  }, []);

  useLayoutEffect(() => {
    if (shown) waiting.current?.now();
    else if (staged) waiting.current?.later();
  }, [shown, staged]);

  useLayoutEffect(() => {
    optionRef.current = option;
    const chart = chartRef.current;
    if (!chart || drawnOption.current === option) return;
    drawnOption.current = option;
    shapeRef.current = draw(chart, option, shapeRef.current);
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-echart=""
      style={{ width: '100%', height, ...style }}
    />
  );
}
