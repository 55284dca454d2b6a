// The backtest beside a projection: at the level the panel shows, how far off the method was
// when it predicted years that have since happened, next to last year's value.
import { Tag, Tooltip, Typography } from 'antd';
import { STAGE_LABEL, type Stage } from '@shared/domain';
import type { BacktestLevel, BacktestResult } from '@shared/projection';
import { zh } from '../../i18n/zh';
import { fmtPct } from '../../lib/format';
import { LEVEL_COLOR } from '../../lib/colors';

const t = zh.forecast;

interface Props {
  backtest: BacktestResult | undefined;
  level: BacktestLevel;
  stages: readonly Stage[];
}

export function AccuracyNote({ backtest, level, stages }: Props) {
  if (!backtest) return <Typography.Text type="secondary" className="accuracy-note">{t.accuracyNone}</Typography.Text>;
  const items = stages.flatMap((s) => {
    const a = backtest.byLevel[level][s];
    return a && a.mape !== null ? [{ stage: s, a }] : [];
  });
  if (items.length === 0) return null;
  const overall = backtest.overall[level];
  const better = overall.best === 'projection';
  return (
    <div className="accuracy-note" data-testid={`accuracy-${level}`}>
      <Typography.Text type="secondary">{t.accuracyLine(backtest.baseYear, backtest.years[0] ?? backtest.baseYear, backtest.to)}</Typography.Text>
      {items.map(({ stage, a }) => (
        <Tooltip key={stage} title={`${t.backtest.methods.trend} ${fmtPct(a.baselines.trend.mape)}`}>
          <span className="accuracy-item">
            {t.accuracyItem(STAGE_LABEL[stage], fmtPct(a.mape), fmtPct(a.baselines.persistence.mape))}
          </span>
        </Tooltip>
      ))}
      <Tag color={better ? 'green' : 'orange'} variant="outlined" style={{ color: better ? LEVEL_COLOR.green : LEVEL_COLOR.orange }}>
        {better ? t.accuracyBetter : t.accuracyWorse(t.backtest.methods[overall.best ?? 'persistence'])}
      </Tag>
    </div>
  );
}
