// The hover explanation of a number (shared/explain/numbers.ts): the same lines on every page
// and in the annex notes.
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

/** An ⓘ after a heading or label whose tooltip explains the numbers under it. */
export function NumberHelpIcon({ explain }: { explain: NumberKey }) {
  return (
    <Tooltip title={<HelpLines lines={numberHelpLines(explain)} />} styles={{ root: { maxWidth: 420 } }}>
      <InfoCircleOutlined className="stat-hint" data-explain={explain} tabIndex={0} aria-label={numberHelpLines(explain).join(' ')} />
    </Tooltip>
  );
}
