// One chart wrapper for the whole UI: modular ECharts (only the pieces used) with the SVG
// renderer, which stays sharp when printed or zoomed and needs no canvas fonts.
import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
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
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export const CHART_FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

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

  // Layout effects: the chart is drawn in the same task as React's commit, so the frame that
  // shows the page's new figures shows the chart's too (the timings end at that frame).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg', locale: 'ZH' });
    chartRef.current = chart;
    // Containers change size with the sider, drawers and the window: follow all of them. A kept
    // page off the document reports 0 × 0, and coming back the size it had: neither redraws.
    let drawn = `${el.clientWidth}x${el.clientHeight}`;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === 0 || el.clientHeight === 0) return;
      const size = `${el.clientWidth}x${el.clientHeight}`;
      if (size === drawn) return;
      drawn = size;
      chart.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    // New figures are drawn at once, not tweened: the first frame after a change (a slider
    // move) shows the final values, and no frames are redrawn after it. The first draw still
    // grows in.
    chartRef.current?.setOption(
      { textStyle: { fontFamily: CHART_FONT }, animationDuration: 400, animationDurationUpdate: 0, ...option },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height, ...style }}
    />
  );
}
