// The 预测 page's header controls: scenario, base year, horizon, export and the editor toggle.
// Memoised on plain values and stable callbacks, so a slider's answer (new figures, the same
// choices) does not render them.
import { memo } from 'react';
import { Button, Segmented, Select, Space } from 'antd';
import { DownloadOutlined, SlidersOutlined } from '@ant-design/icons';
import { zh } from '../../i18n/zh';
import { Labeled } from '../Labeled';

const t = zh.forecast;

interface Props {
  scenarios: readonly string[];
  scenario: string;
  onScenario: (name: string) => void;
  /** The years with enrolment records; each but the first can be the base year. */
  years: readonly number[];
  baseYear: number;
  onBaseYear: (year: number) => void;
  /** The furthest horizon offered, in years after the base year. */
  span: number;
  /** The base year of the projection shown, which the horizons count from. */
  horizonFrom: number;
  horizon: number;
  onHorizon: (year: number) => void;
  exporting: boolean;
  onExport: () => void;
  editorOpen: boolean;
  onToggleEditor: () => void;
}

/** The horizons offered: every year of the first five, then every fifth, and the one in force. */
export function horizonChoices(baseYear: number, span: number, horizon: number): number[] {
  return Array.from({ length: span }, (_, i) => baseYear + 1 + i).filter((y) => y - baseYear <= 5 || y % 5 === 0 || y === horizon);
}

function YearSelect({ label, value, years, onChange, testId }: { label: string; value: number; years: readonly number[]; onChange: (year: number) => void; testId?: string }) {
  return (
    <Labeled label={label}>
      <Select value={value} style={{ width: 96 }} options={years.map((y) => ({ value: y, label: t.yearOption(y) }))} onChange={onChange} data-testid={testId} />
    </Labeled>
  );
}

export const ForecastControls = memo(function ForecastControls(p: Props) {
  return (
    <Space size={12} wrap>
      <Labeled label={t.scenario}>
        <Segmented
          value={p.scenario}
          options={p.scenarios.map((s) => ({ value: s, label: s }))}
          onChange={(v) => p.onScenario(String(v))}
          data-testid="forecast-scenario"
        />
      </Labeled>
      <YearSelect label={t.baseYear} value={p.baseYear} years={p.years.filter((y) => y >= (p.years[0] ?? y) + 1)} onChange={p.onBaseYear} testId="forecast-base-year" />
      <YearSelect label={t.horizon} value={p.horizon} years={horizonChoices(p.horizonFrom, p.span, p.horizon)} onChange={p.onHorizon} />
      <Button icon={<DownloadOutlined />} loading={p.exporting} onClick={p.onExport} data-testid="forecast-export">
        {t.exportXlsx}
      </Button>
      <Button icon={<SlidersOutlined />} type={p.editorOpen ? 'default' : 'primary'} onClick={p.onToggleEditor}>
        {p.editorOpen ? t.hideEditor : t.showEditor}
      </Button>
    </Space>
  );
});
