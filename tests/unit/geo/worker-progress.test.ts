// The geo worker's progress posting: a new stage goes at once, the same stage at most every
// 150 ms by the clock, so a long stage still shows part of the way; and the test seam's hold
// comes after the held stage's first report has been posted, and only then.
import { describe, expect, it } from 'vitest';
import { progressPoster } from '../../../electron/backend/geo/worker-progress';
import type { GeoStageProgress } from '../../../shared/geo/import-progress';

function poster(holdAt?: string) {
  let clock = 1000;
  const events: string[] = [];
  const report = progressPoster((p) => events.push(`${p.stage} ${p.fraction}`), { holdAt, now: () => clock, hold: () => events.push('held') });
  return { events, report: (p: GeoStageProgress, at: number) => ((clock = at), report(p)) };
}

describe('progressPoster', () => {
  it('posts each new stage at once and a stage’s own reports at most every 150 ms', () => {
    const { events, report } = poster();
    report({ stage: 'reading', fraction: null }, 1000);
    report({ stage: 'reading', fraction: 0.5 }, 1100);
    report({ stage: 'coordinates', fraction: 0 }, 1120);
    report({ stage: 'coordinates', fraction: 0.2 }, 1269);
    report({ stage: 'coordinates', fraction: 0.4 }, 1270);
    report({ stage: 'coordinates', fraction: 0.6 }, 1300);
    report({ stage: 'coordinates', fraction: 0.8 }, 1420);
    report({ stage: 'rings', fraction: 0 }, 1421);
    expect(events).toEqual(['reading null', 'coordinates 0', 'coordinates 0.4', 'coordinates 0.8', 'rings 0']);
  });

  it('holds after posting the first report of the stage a test names, and not before', () => {
    const { events, report } = poster('coordinates');
    report({ stage: 'reading', fraction: null }, 1000);
    expect(events).toEqual(['reading null']);
    report({ stage: 'coordinates', fraction: 0 }, 1001);
    expect(events).toEqual(['reading null', 'coordinates 0', 'held']);
  });

  it('never holds without a stage named', () => {
    const { events, report } = poster(undefined);
    for (const [i, stage] of (['reading', 'coordinates', 'rings', 'thinning', 'joining', 'writing'] as const).entries()) report({ stage, fraction: null }, 1000 + i);
    expect(events).not.toContain('held');
    expect(events).toHaveLength(6);
  });
});
