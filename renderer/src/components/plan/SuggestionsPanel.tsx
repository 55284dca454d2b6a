// "What needs to be built": each area and stage short of seats in the plan period, the
// shortfall year by year, and a proposal in standard sizes the planner adopts with one click.
import { Button, Empty, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { STAGE_LABEL } from '@shared/domain';
import type { BuildSuggestion, PlanEvaluation, ProjectInput } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { fmtInt } from '../../lib/format';
import { HelpText } from '../NumberHelp';
import type { PlanState } from './usePlan';

const t = zh.plan.suggest;

function inputs(s: BuildSuggestion): ProjectInput[] {
  return s.projects.map((p) => ({ ...p }));
}

export function SuggestionsPanel({ ev, edit, saving }: { ev: PlanEvaluation; edit: PlanState['edit']; saving: boolean }) {
  const all = ev.suggestions.flatMap(inputs);
  const adopt = (projects: ProjectInput[]) => edit('plan.addProjects', { projects });
  const layout = ev.layoutSuggestions.map((s) => (
    <div className="suggestion" key={`layout-${s.school}`} data-testid="layout-suggestion">
      <div className="suggestion-head">
        <div>
          <Space size={6} style={{ marginBottom: 4 }}>
            <Tag color="purple">{s.type}</Tag>
            <Tag>{s.schoolName}</Tag>
          </Space>
          <p className="suggestion-text">{s.text}</p>
        </div>
        <Button loading={saving} onClick={() => void adopt([{ ...s.project }])} data-testid="adopt-layout">
          {t.adopt}
        </Button>
      </div>
    </div>
  ));
  if (ev.suggestions.length === 0) {
    return layout.length > 0 ? (
      <div className="suggestion-list" data-testid="suggestions">
        {layout}
      </div>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} />
    );
  }
  return (
    <div className="suggestion-list" data-testid="suggestions">
      {all.length > 1 ? (
        <div>
          <Button type="primary" icon={<CheckOutlined />} loading={saving} onClick={() => void adopt(all)} data-testid="adopt-all">
            {t.adoptAll(all.length)}
          </Button>
        </div>
      ) : null}
      {ev.suggestions.map((s) => (
        <div className="suggestion" key={s.key} data-testid="suggestion">
          <div className="suggestion-head">
            <div>
              <Space size={6} style={{ marginBottom: 4 }}>
                <Tag color={s.bridgeOnly ? 'orange' : 'red'}>{s.area}</Tag>
                <Tag>{STAGE_LABEL[s.stage]}</Tag>
                {s.bridgeOnly ? <Tag data-testid="bridge-only">{t.bridgeOnly}</Tag> : null}
              </Space>
              <p className="suggestion-text">{s.text}</p>
              {s.outlook ? <p className="suggestion-outlook">{s.outlook}</p> : null}
              <div className="suggestion-years">
                <span>
                  <HelpText explain="plan.gap">{t.byYear}</HelpText>：
                </span>
                {s.years.map((y) => (
                  <span key={y.year}>{t.yearCell(y.year, fmtInt(y.seats), fmtInt(y.classes))}</span>
                ))}
              </div>
            </div>
            {s.projects.length > 0 ? (
              <Button loading={saving} onClick={() => void adopt(inputs(s))} data-testid="adopt-suggestion">
                {t.adopt}
              </Button>
            ) : null}
          </div>
          {s.projects.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.projects.map((p) => t.projectLine(p.type, p.name, zh.plan.projects.scaleValue(fmtInt(p.classes), fmtInt(p.seats)))).join('；')}
            </Typography.Text>
          ) : null}
        </div>
      ))}
      {layout}
    </div>
  );
}
