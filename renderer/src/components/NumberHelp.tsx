// The hover explanation of a number (shared/explain/numbers.ts): the same lines on every page
// and in the annex notes.
import type { ReactNode } from 'react';
import { Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { numberHelpLines, type NumberKey } from '@shared/explain/numbers';

export function HelpLines({ lines }: { lines: string[] }) {
  return (
    <div className="number-help">
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  );
}

const TOOLTIP_STYLES = { root: { maxWidth: 420 } };

/** An ⓘ after a heading or label whose tooltip explains the numbers under it. */
export function NumberHelpIcon({ explain }: { explain: NumberKey }) {
  return (
    <Tooltip title={<HelpLines lines={numberHelpLines(explain)} />} styles={TOOLTIP_STYLES}>
      <InfoCircleOutlined className="stat-hint" data-explain={explain} tabIndex={0} aria-label={numberHelpLines(explain).join(' ')} />
    </Tooltip>
  );
}

/**
 * A label (a column heading, a figure's caption) whose own text shows the help on hover or
 * focus. No icon: a table column keeps the width its heading was given.
 */
export function HelpText({ explain, children }: { explain: NumberKey; children: ReactNode }) {
  return (
    <Tooltip title={<HelpLines lines={numberHelpLines(explain)} />} styles={TOOLTIP_STYLES} trigger={['hover', 'focus']}>
      <span className="help-text" data-explain={explain} tabIndex={0}>
        {children}
      </span>
    </Tooltip>
  );
}

/** A column title that explains its numbers: `title: helpTitle('学位', 'plan.capacity')`. */
export function helpTitle(title: ReactNode, explain: NumberKey): ReactNode {
  return <HelpText explain={explain}>{title}</HelpText>;
}

/** A table's sort hint on its sort icon only, so that it does not cover a heading's help. */
export const SORT_HINT_ON_ICON = { target: 'sorter-icon' } as const;
