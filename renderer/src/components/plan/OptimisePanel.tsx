// 布局优化: choose the stage, budget and time limit, run the optimiser (a job polled for its
// progress, cancellable), read the proposed projects with their reasons and the totals beside
// the greedy layout, the current plan and the plan's suggestions, and adopt the chosen projects
// into the plan (one ordinary, undoable edit).
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Collapse, Descriptions, Empty, InputNumber, Progress, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { OptimiseJob } from '@shared/optimise/contract';
import type { LayoutTotals, OptimisedProject, OptimiseResult, ProjectLand } from '@shared/optimise/result';
import { defaultOptimiseSettings, OPTIMISE_SOURCES, type OptimiseWeights } from '@shared/optimise/settings';
import type { Plan, ProjectInput } from '@shared/plan';
import { invoke } from '../../api/client';
import { setOptimiseResult, useOptimiseResult } from '../../state/optimiseResult';
import { useProject } from '../../state/session';
import type { PlanState } from './usePlan';
import { helpTitle } from '../NumberHelp';

type OptStage = 'primary' | 'junior' | 'preschool';

const T = {
  stage: '学段',
  stages: { primary: '小学', junior: '初中', preschool: '学前' } as Record<OptStage, string>,
  budget: '规划期建设投资上限（万元）',
  yearBudget: '每年建成投资上限（万元）',
  rule: '规则',
  rules: { distance: '服务半径', area: '片区学位平衡' },
  ruleHelp: '服务半径：儿童在服务半径内就读（超出的按惩罚或寄宿计）。片区学位平衡：不考虑距离，儿童可到本片区任一学校，与“建设需求测算”同口径，用于比较建设投资。',
  weightsTitle: '目标权重（每项都计入总成本，万元）',
  locks: '锁定',
  keep: (name: string) => `保留：${name}`,
  exclude: (name: string) => `不在此新建：${name}`,
  keepAction: '保留此校',
  excludeAction: '不在此新建',
  locksHint: '在结果表中点“保留此校”或“不在此新建”加入锁定，再运行优化。',
  noLimit: '不限',
  timeLimit: '求解时限（秒）',
  run: '运行优化',
  cancel: '停止',
  running: (s: number, gap: number | null) => `求解中：${s.toFixed(1)} 秒${gap === null ? '' : `，当前间隙 ${(gap * 100).toFixed(1)}%`}`,
  preparing: '正在准备：贪心方案、候选校址与模型……',
  status: { optimal: '已求得最优解', feasible: '可行解（未证明最优）', infeasible: '无可行解' },
  gap: (g: number | null) => (g === null ? '—' : `${(g * 100).toFixed(2)}%`),
  adopt: (n: number) => `采纳所选项目（${n}）`,
  adoptHint: '采纳后可在页面右上角“撤销”。',
  pendingMissing: (name: string) => `${name}的接收学校（拟新建）未能加入规划，撤并未采纳。`,
  pendingHint: '撤并到拟新建学校的项目：采纳时先加入对应的新建学校，再加入撤并（撤销需两次）。',
  onMap: '方案已显示在“布局图”页（新建、撤并流向、改扩建），切换到该页即可查看。',
  none: '未提出项目：现有学校在服务半径内可满足需求。',
  notRun: '尚未运行优化',
  notRunWhat: (stage: string) =>
    `运行后，程序为${stage}在规划期内寻找总成本最低的学校布局：在现有学校和候选校址中决定新建、扩建、撤并或转型，使每个儿童按所选规则（服务半径或本片区）有学位；总成本为建设投资加上“目标权重”各项。先得出一个贪心方案，再在求解时限内用整数规划求更优解，并与现有规划拟建项目和建设需求测算对比。结果只供比较，勾选其中的项目“采纳”后才写入规划（可撤销）；运行本身不改动规划。`,
  cols: { action: '锁定', year: '年份', type: '类型', school: '学校 / 校址', seats: '学位', cost: '投资（万元）', reason: '理由', land: '用地' },
  land: {
    unchecked: '未校核',
    within: '用地内',
    bought: (mu: number) => `征地 ${mu} 亩`,
    detail: (l: ProjectLand) =>
      l.checked
        ? `占地 ${fmt.format(l.siteArea ?? 0)} ㎡ ÷ 生均用地 ${l.sitePerPupil ?? '—'} ㎡ = 可容 ${fmt.format(l.siteSeats ?? 0)} 个学位，扩建后全校 ${fmt.format(l.schoolSeats)} 个` +
          (l.extraArea > 0 ? `；需征地 ${fmt.format(l.extraArea)} ㎡（${l.extraMu} 亩），土地费用${l.landCost === null ? '未计（规划未设置地价）' : ` ${fmt.format(l.landCost)} 万元`}` : '')
        : '学校未填占地面积：用地面积未知，未校核（按不受用地限制计）',
    total: (t: LayoutTotals) =>
      `征地 ${t.landBought.mu} 亩（${t.landBought.expansions} 项${t.landBought.expansions === 0 ? '' : t.landBought.cost === null ? '，土地费用未计' : `，土地费用 ${fmt.format(t.landBought.cost)} 万元`}）；用地未校核 ${t.siteUnchecked} 项`,
  },
  totals: {
    cost: '建设投资（万元）',
    mip: '优化方案',
    greedy: '贪心方案',
    current: '现有规划拟建项目',
    suggestions: '建设需求测算',
    unmet: '缺学位（规划期内最多）',
    uncovered: '服务半径内无学位的儿童',
    travel: '平均 / 最远距离（km）',
    closed: '撤并或转型学校',
    bridged: '过渡期缺口（项目建成前）',
    land: '改扩建用地（占地面积 ÷ 生均用地）',
  },
  weights: '权重与参数（来源）',
};

type WeightKey = 'travelWeight' | 'unmetPenalty' | 'operatingPerSchool' | 'beyondPenalty' | 'boardingPenalty' | 'holding';

/** Each weight of the objective the planner may set: what it means, its unit and where the default comes from. */
const WEIGHTS: { key: WeightKey; label: string; unit: string; meaning: string; source: string; step: number }[] = [
  { key: 'travelWeight', label: '出行成本', unit: '万元/（人·km·年）', meaning: '每名学生每公里上学距离一年折合的成本，越大越倾向就近入学', source: OPTIMISE_SOURCES.travelWeight, step: 0.01 },
  { key: 'unmetPenalty', label: '无学位惩罚', unit: '万元/（人·年）', meaning: '每名儿童没有学位一年的惩罚，越大越倾向补足全部学位', source: OPTIMISE_SOURCES.unmetPenalty, step: 1 },
  { key: 'operatingPerSchool', label: '学校运行成本', unit: '万元/（校·年）', meaning: '每所学校每年与学生数无关的固定运行成本，越大越倾向撤并小规模学校', source: OPTIMISE_SOURCES.operatingPerSchool, step: 5 },
  { key: 'beyondPenalty', label: '超半径走读惩罚', unit: '万元/（人·年）', meaning: '在服务半径外（不超过 2 倍）走读的学生每人每年的惩罚', source: OPTIMISE_SOURCES.beyondPenalty, step: 0.05 },
  { key: 'boardingPenalty', label: '寄宿成本', unit: '万元/（人·年）', meaning: '每名寄宿生每年的生活补助与管理成本', source: OPTIMISE_SOURCES.boardingPenalty, step: 0.05 },
  { key: 'holding', label: '资金占用成本', unit: '/年', meaning: '建设投资每提前一年建成所计的比例，使项目不早于需要时建成', source: OPTIMISE_SOURCES.holding, step: 0.01 },
];

const TYPE_COLOR: Record<OptimisedProject['type'], string> = { 新建: 'green', 改扩建: 'blue', 撤并: 'red', 转型: 'purple', 寄宿: 'gold' };
const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

export function OptimisePanel({ plan, edit, saving }: { plan: Plan; edit: PlanState['edit']; saving: boolean }) {
  const [stage, setStage] = useState<OptStage>('primary');
  const [budget, setBudget] = useState<number | null>(null);
  const [timeLimit, setTimeLimit] = useState<number>(10);
  const [yearBudget, setYearBudget] = useState<number | null>(null);
  const [rule, setRule] = useState<'distance' | 'area'>('distance');
  const [weights, setWeights] = useState<Pick<OptimiseWeights, WeightKey>>(() => defaultOptimiseSettings());
  const [keep, setKeep] = useState<Map<string, string>>(new Map());
  const [exclude, setExclude] = useState<Map<string, string>>(new Map());
  const [job, setJob] = useState<OptimiseJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const timer = useRef<number | null>(null);
  const { project } = useProject();
  const open = useOptimiseResult(project.path);

  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);

  const poll = (id: string) => {
    timer.current = window.setTimeout(() => {
      invoke('plan.optimiseStatus', { job: id }).then(
        (j) => {
          setJob(j);
          if (j.error) setError(j.error);
          if (j.result) setOptimiseResult({ projectPath: project.path, planId: plan.id, result: j.result });
          if (j.result === null && j.error === null) poll(id);
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    }, 400);
  };

  const run = async () => {
    setError(null);
    setSelected([]);
    try {
      const w = Object.fromEntries(WEIGHTS.map((x) => [x.key, weights[x.key]]));
      const j = await invoke('plan.optimiseStart', { plan: plan.id, stage, budget, yearBudget, timeLimit, rule, weights: w, keep: [...keep.keys()], exclude: [...exclude.keys()] });
      setJob(j);
      poll(j.job);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  // Coming back from the 布局图, the result still open there is shown again.
  const result: OptimiseResult | null = job?.result ?? (job === null && open?.planId === plan.id ? open.result : null);
  const busy = job !== null && result === null && job.error === null;
  const adopt = async () => {
    if (!result) return;
    const rows = selected.map((i) => result.projects[i]).filter((r): r is OptimisedProject => !!r);
    const closures = rows.filter((r) => r.pending);
    if (closures.length === 0) {
      const projects = rows.map((r) => r.project).filter((x): x is ProjectInput => !!x);
      if (projects.length) void edit('plan.addProjects', { projects }).then((ok) => ok && setSelected([]));
      return;
    }
    // A closure into proposed new schools: those are adopted first (if not already in the
    // plan), then the closure names them as receivers by the ids the plan gave them.
    const before = await invoke('plan.get', { plan: plan.id });
    const inPlan = (name: string) => before.projects.some((p) => p.type === '新建' && p.name === name);
    const sites = new Set(closures.flatMap((r) => r.pending?.sites.map((x) => x.site) ?? []));
    const builds = result.projects.filter((r) => r.type === '新建' && r.site !== null && sites.has(r.site) && r.project);
    const first = [...rows.filter((r) => !r.pending && r.project && !builds.includes(r)), ...builds.filter((r) => !inPlan(r.project?.name ?? ''))]
      .map((r) => r.project)
      .filter((x): x is ProjectInput => !!x);
    if (first.length && !(await edit('plan.addProjects', { projects: first }))) return;
    const after = await invoke('plan.get', { plan: plan.id });
    const idOf = new Map(builds.map((r) => [r.site, [...after.projects].reverse().find((p) => p.type === '新建' && p.name === r.project?.name)?.id]));
    const second: ProjectInput[] = [];
    for (const r of closures) {
      const pending = r.pending;
      if (!pending) continue;
      const extra = pending.sites.map((x) => ({ school: `new:${idOf.get(x.site) ?? ''}`, share: x.share }));
      if (extra.some((x) => x.school === 'new:')) {
        setError(T.pendingMissing(r.schoolName));
        return;
      }
      second.push({ ...pending.project, receivers: [...(pending.project.receivers ?? []), ...extra] } as ProjectInput);
    }
    if (await edit('plan.addProjects', { projects: second })) setSelected([]);
  };

  return (
    <div data-testid="optimise-panel">
      <Space wrap size={16} style={{ marginBottom: 12 }}>
        <Space>
          <span>{T.stage}</span>
          <Segmented<OptStage> value={stage} onChange={setStage} options={(['primary', 'junior', 'preschool'] as const).map((s) => ({ value: s, label: T.stages[s] }))} data-testid="optimise-stage" />
        </Space>
        <Space>
          <span>{T.budget}</span>
          <InputNumber min={0} step={1000} value={budget} onChange={(v) => setBudget(v)} placeholder={T.noLimit} style={{ width: 120 }} data-testid="optimise-budget" />
        </Space>
        <Space>
          <span>{T.timeLimit}</span>
          <InputNumber min={1} max={120} value={timeLimit} onChange={(v) => setTimeLimit(v ?? 10)} style={{ width: 80 }} />
        </Space>
        <Space>
          <span>{T.yearBudget}</span>
          <InputNumber min={0} step={500} value={yearBudget} onChange={(v) => setYearBudget(v)} placeholder={T.noLimit} style={{ width: 110 }} data-testid="optimise-year-budget" />
        </Space>
        <Space>
          <Tooltip title={T.ruleHelp}>
            <span>{T.rule}</span>
          </Tooltip>
          <Segmented<'distance' | 'area'> value={rule} onChange={setRule} options={(['distance', 'area'] as const).map((r) => ({ value: r, label: T.rules[r] }))} data-testid="optimise-rule" />
        </Space>
        <Button type="primary" icon={<ThunderboltOutlined />} loading={busy} onClick={() => void run()} data-testid="optimise-run">
          {T.run}
        </Button>
        {busy ? (
          <Button icon={<StopOutlined />} onClick={() => job && void invoke('plan.optimiseCancel', { job: job.job }).then(setJob)} data-testid="optimise-cancel">
            {T.cancel}
          </Button>
        ) : null}
      </Space>
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        data-testid="optimise-weights"
        items={[
          {
            key: 'weights',
            label: T.weightsTitle,
            children: (
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                {WEIGHTS.map((x) => (
                  <Space key={x.key} wrap align="center">
                    <span style={{ display: 'inline-block', width: 110 }}>{x.label}</span>
                    <InputNumber
                      min={0}
                      step={x.step}
                      value={weights[x.key]}
                      onChange={(v) => setWeights((cur) => ({ ...cur, [x.key]: v ?? 0 }))}
                      style={{ width: 110 }}
                      data-testid={`optimise-weight-${x.key}`}
                    />
                    <Typography.Text type="secondary">{x.unit}</Typography.Text>
                    <Typography.Text>{x.meaning}</Typography.Text>
                    <Typography.Text type="secondary">（{x.source}）</Typography.Text>
                  </Space>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Space wrap size={6} style={{ marginBottom: 12 }} data-testid="optimise-locks">
        <span>{T.locks}：</span>
        {keep.size + exclude.size === 0 ? <Typography.Text type="secondary">{T.locksHint}</Typography.Text> : null}
        {[...keep].map(([code, name]) => (
          <Tag key={`k${code}`} color="blue" closable onClose={() => setKeep((m) => without(m, code))}>
            {T.keep(name)}
          </Tag>
        ))}
        {[...exclude].map(([id, name]) => (
          <Tag key={`x${id}`} color="orange" closable onClose={() => setExclude((m) => without(m, id))}>
            {T.exclude(name)}
          </Tag>
        ))}
      </Space>
      {busy ? (
        <div style={{ marginBottom: 12 }} data-testid="optimise-progress">
          <Progress percent={Math.min(99, Math.round(((job?.progress?.seconds ?? 0) / timeLimit) * 100))} size="small" />
          <Typography.Text type="secondary">{job?.progress?.phase === 'mip' ? T.running(job.progress.seconds, job.progress.gap) : T.preparing}</Typography.Text>
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {!result && !busy && !error ? <Alert type="info" showIcon title={T.notRun} description={T.notRunWhat(T.stages[stage])} data-testid="optimise-not-run" /> : null}
      {result ? (
        <div data-testid="optimise-result">
          <Alert
            type={result.status === 'optimal' ? 'success' : 'info'}
            showIcon
            title={`${T.status[result.status]}，最优间隙 ${T.gap(result.gap)}，用时 ${result.solver.seconds} 秒`}
            description={result.notes.join(' ')}
            style={{ marginBottom: 12 }}
          />
          <Descriptions size="small" bordered column={{ xs: 1, md: 2, xxl: 4 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={helpTitle(`${T.totals.cost}：${T.totals.mip}`, 'optimise.totalCost')}>{fmt.format(result.cost)}</Descriptions.Item>
            <Descriptions.Item label={helpTitle(T.totals.greedy, 'optimise.totalCost')}>{fmt.format(result.greedyCost)}</Descriptions.Item>
            <Descriptions.Item label={helpTitle(T.totals.current, 'optimise.totalCost')}>{fmt.format(result.current.cost)}</Descriptions.Item>
            <Descriptions.Item label={helpTitle(T.totals.suggestions, 'optimise.totalCost')}>{fmt.format(result.suggestions.cost)}</Descriptions.Item>
            <Descriptions.Item label={helpTitle(T.totals.unmet, 'optimise.unmet')}>{`${result.unmetSeats}（贪心 ${result.totals.greedy.unmetSeats}，现规划 ${result.current.unmetSeats}）`}</Descriptions.Item>
            <Descriptions.Item label={helpTitle(T.totals.uncovered, 'optimise.uncovered')}>{result.uncoveredChildren}</Descriptions.Item>
            <Descriptions.Item label={helpTitle(T.totals.travel, 'optimise.travel')}>{`${result.travel.mean ?? '—'} / ${result.travel.max ?? '—'}`}</Descriptions.Item>
            <Descriptions.Item label={helpTitle(T.totals.closed, 'optimise.closed')}>{result.totals.mip?.schoolsClosed ?? result.totals.greedy.schoolsClosed}</Descriptions.Item>
            <Descriptions.Item label={T.totals.land} span={4}>
              <span data-testid="optimise-land-total">{T.land.total(result.totals.mip ?? result.totals.greedy)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={helpTitle(T.totals.bridged, 'optimise.bridged')} span={4}>
              {result.bridged.length === 0
                ? `无（${result.firstBuildYear} 年起即可建成）`
                : `${result.bridged.map((b) => `${b.year} 年 ${fmt.format(b.seats)} 个`).join('，')}（最早 ${result.firstBuildYear} 年建成，此前需临时挖潜：大班额/租用/调剂）`}
            </Descriptions.Item>
          </Descriptions>
          {result.projects.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={T.none} />
          ) : (
            <>
              <Space style={{ marginBottom: 8 }}>
                <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} loading={saving} onClick={() => void adopt()} data-testid="optimise-adopt">
                  {T.adopt(selected.length)}
                </Button>
                <Typography.Text type="secondary">{T.adoptHint}</Typography.Text>
                {result.projects.some((r) => r.pending) ? <Typography.Text type="secondary">{T.pendingHint}</Typography.Text> : null}
              </Space>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="optimise-on-map">
                {T.onMap}
              </Typography.Paragraph>
              <Table<OptimisedProject & { key: number }>
                size="small"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={result.projects.map((p, i) => ({ ...p, key: i }))}
                rowSelection={{
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(Number)),
                  getCheckboxProps: (r) => ({ disabled: r.project === null && r.pending === null }),
                }}
                columns={[
                  {
                    title: T.cols.action,
                    key: 'lock',
                    width: 100,
                    render: (_: unknown, r: OptimisedProject) =>
                      r.school && (r.type === '撤并' || r.type === '转型') ? (
                        <Button size="small" type="link" onClick={() => setKeep((m) => new Map(m).set(r.school as string, r.schoolName))}>
                          {T.keepAction}
                        </Button>
                      ) : r.site ? (
                        <Button size="small" type="link" onClick={() => setExclude((m) => new Map(m).set(r.site as string, r.schoolName))}>
                          {T.excludeAction}
                        </Button>
                      ) : null,
                  },
                  { title: helpTitle(T.cols.year, 'optimise.year'), dataIndex: 'year', width: 70 },
                  { title: T.cols.type, dataIndex: 'type', width: 80, render: (v: OptimisedProject['type']) => <Tag color={TYPE_COLOR[v]}>{v}</Tag> },
                  { title: T.cols.school, dataIndex: 'schoolName', width: 200 },
                  { title: helpTitle(T.cols.seats, 'optimise.seats'), dataIndex: 'seats', width: 80, align: 'right' },
                  { title: helpTitle(T.cols.cost, 'optimise.cost'), dataIndex: 'cost', width: 100, align: 'right', render: (v: number) => (v > 0 ? fmt.format(v) : '—') },
                  { title: T.cols.land, key: 'land', width: 100, render: (_: unknown, r: OptimisedProject) => <LandCell land={r.land} /> },
                  { title: T.cols.reason, dataIndex: 'reason' },
                ]}
                data-testid="optimise-projects"
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {`${T.weights}：`}
                {result.settings.map((s) => `${s.label} ${s.value}${s.unit ? ` ${s.unit}` : ''}（${s.source}）`).join('；')}
              </Typography.Paragraph>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** An expansion's site check: within the site, the land bought, or unchecked for want of 占地面积. */
function LandCell({ land }: { land: ProjectLand | null }) {
  if (!land) return <>—</>;
  const text = !land.checked ? <Tag color="orange">{T.land.unchecked}</Tag> : land.extraArea > 0 ? <Tag color="volcano">{T.land.bought(land.extraMu)}</Tag> : T.land.within;
  return (
    <Tooltip title={T.land.detail(land)}>
      <span data-testid="optimise-land">{text}</span>
    </Tooltip>
  );
}

function without<K, V>(m: Map<K, V>, key: K): Map<K, V> {
  const next = new Map(m);
  next.delete(key);
  return next;
}
