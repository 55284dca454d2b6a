import type { Stage } from '@shared/domain';
import { STAGE_LABEL } from '@shared/domain';
import { STAGE_COLOR } from '../lib/colors';

export function StageTags({ stages }: { stages: readonly Stage[] }) {
  return (
    <span className="stage-tags">
      {stages.map((s) => (
        <span key={s} className="stage-chip" style={{ color: STAGE_COLOR[s], borderColor: STAGE_COLOR[s] }}>
          {STAGE_LABEL[s]}
        </span>
      ))}
    </span>
  );
}
