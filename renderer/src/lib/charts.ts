// Shared pieces of chart options so that every chart has the same grid, axes and tooltip.
import { fmtInt } from './format';
import type { XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { ChartOption } from '../components/EChart';

export const AXIS_LABEL_COLOR = '#5c6b7a';
export const SPLIT_LINE_COLOR = '#e8ecf1';

export function baseGrid(extra?: { right?: number; top?: number; bottom?: number; left?: number }): ChartOption['grid'] {
  return { left: 12, right: 16, top: 40, bottom: 8, containLabel: true, ...extra };
}

export function valueAxis(name: string, position?: 'left' | 'right'): YAXisComponentOption {
  return {
    type: 'value',
    name,
    position,
    nameTextStyle: { color: AXIS_LABEL_COLOR, align: position === 'right' ? 'right' : 'left' },
    axisLabel: { color: AXIS_LABEL_COLOR, formatter: (v: number) => fmtInt(v) },
    splitLine: { lineStyle: { color: SPLIT_LINE_COLOR } },
  };
}

export function categoryAxis(data: (string | number)[], name?: string, boundaryGap = true): XAXisComponentOption {
  return {
    type: 'category',
    boundaryGap,
    data: data.map(String),
    name,
    nameTextStyle: { color: AXIS_LABEL_COLOR },
    axisLabel: { color: AXIS_LABEL_COLOR },
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: '#c5ced8' } },
  };
}

export function axisTooltip(unit: string): ChartOption['tooltip'] {
  return {
    trigger: 'axis',
    valueFormatter: (v) => (typeof v === 'number' ? `${fmtInt(v)} ${unit}` : String(v ?? '')),
  };
}

export function topLegend(): ChartOption['legend'] {
  return { top: 4, left: 'center', itemWidth: 14, itemHeight: 8, textStyle: { color: '#3d4b5c' } };
}
