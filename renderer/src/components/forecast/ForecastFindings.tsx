// The 预测 page's 要点 (each stage's peak or trend) and the projection's flags. A slider's
// answer usually leaves both as they were: compared by their text, they are not rendered again.
import { memo } from 'react';
import { Collapse, Tag } from 'antd';
import type { Flag, ProjectionResult } from '@shared/projection';
import { zh } from '../../i18n/zh';
import { STAGE_COLOR } from '../../lib/colors';
import { FindingsAlert } from '../FindingsAlert';

const t = zh.forecast;

interface Props {
  peaks: ProjectionResult['peaks'];
  flags: readonly Flag[];
}

function ForecastFindingsView({ peaks, flags }: Props) {
  const warnings = flags.filter((x) => x.level === 'warning');
  return (
    <>
      <FindingsAlert className="forecast-findings" title={t.findings} testId="forecast-peaks">
        {peaks.map((p) => (
          <li key={p.stage} style={{ ['--marker' as string]: STAGE_COLOR[p.stage] }}>
            {p.text}
          </li>
        ))}
      </FindingsAlert>
      {flags.length > 0 ? (
        <Collapse
          size="small"
          className="forecast-flags"
          defaultActiveKey={warnings.length > 0 ? ['flags'] : []}
          items={[
            {
              key: 'flags',
              label: (
                <span>
                  {t.flags} <Tag className="inline-tag">{t.flagsCount(flags.length)}</Tag>
                </span>
              ),
              children: (
                <ul className="flag-list" data-testid="forecast-flags">
                  {flags.map((x) => (
                    <li key={x.code} className={x.level === 'warning' ? 'flag-warning' : undefined}>
                      {x.message}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}

export const ForecastFindings = memo(ForecastFindingsView, (a, b) => JSON.stringify(a) === JSON.stringify(b));
