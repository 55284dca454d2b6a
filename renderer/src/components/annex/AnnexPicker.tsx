// The list of annexes on the 附件 page: tick, reorder, and choose paper; the numbers shown
// (附件N) are the ones that will print.
import { Button, Checkbox, Select, Tag, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { PAPERS, type AnnexKind, type AnnexListItem, type Paper } from '@shared/annex';
import { zh } from '../../i18n/zh';

const t = zh.annex;

export interface AnnexChoice {
  kind: AnnexKind;
  selected: boolean;
  paper: Paper;
}

interface Props {
  items: AnnexListItem[];
  choices: AnnexChoice[];
  firstNumber: number;
  onChange: (choices: AnnexChoice[]) => void;
}

export function AnnexPicker({ items, choices, firstNumber, onChange }: Props) {
  const byKind = new Map(items.map((i) => [i.kind, i]));
  let next = firstNumber;
  const numbers = new Map<AnnexKind, number>();
  for (const c of choices) if (c.selected) numbers.set(c.kind, next++);

  const update = (index: number, patch: Partial<AnnexChoice>) =>
    onChange(choices.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= choices.length) return;
    const copy = [...choices];
    const [moved] = copy.splice(index, 1);
    if (moved) copy.splice(target, 0, moved);
    onChange(copy);
  };

  return (
    <ol className="annex-picker" data-testid="annex-picker">
      {choices.map((c, index) => {
        const item = byKind.get(c.kind);
        if (!item) return null;
        const number = numbers.get(c.kind);
        return (
          <li key={c.kind} className={`annex-choice${item.available ? '' : ' is-unavailable'}`} data-kind={c.kind}>
            <Tooltip title={item.available ? null : item.reason}>
              <Checkbox
                className="annex-choice-check"
                checked={c.selected && item.available}
                disabled={!item.available}
                onChange={(e) => update(index, { selected: e.target.checked })}
                data-testid={`annex-check-${c.kind}`}
              >
                <span className="annex-choice-number">{number ? t.label(number) : ''}</span>
                <span className="annex-choice-title">{item.title}</span>
                {item.figure ? <Tag className="annex-choice-tag">{t.figure}</Tag> : null}
                {item.available ? null : (
                  <Tag color="default" className="annex-choice-tag">
                    {t.needs[item.source] ?? t.unavailable}
                  </Tag>
                )}
              </Checkbox>
            </Tooltip>
            <span className="annex-choice-tools">
              <Select<Paper>
                size="small"
                value={c.paper}
                disabled={!item.available}
                onChange={(paper) => update(index, { paper })}
                options={PAPERS.map((p) => ({ value: p, label: t.papers[p] ?? p }))}
                style={{ width: 90 }}
                aria-label={t.paper}
                data-testid={`annex-paper-${c.kind}`}
              />
              <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t.moveUp} />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={index === choices.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t.moveDown}
              />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
