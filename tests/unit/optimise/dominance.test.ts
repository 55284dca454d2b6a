// Sizes no optimum uses are left out of the model, and the tightened links keep the optimum
// of a hand-solvable site where a plain x ≤ d·y relaxation would mix a small and a large size.
import { describe, expect, it } from 'vitest';
import { usefulOptions, reachOf } from '../../../shared/optimise/dominance';
import { buildMip } from '../../../shared/optimise/model';
import { instance, option, school, site } from './tiny';

describe('options no optimum uses', () => {
  it('keeps the smallest size that seats everyone who can reach a site, and the smaller ones', () => {
    // 100 + 50 children can reach S; sizes 45, 90, 180 and 270 seats: 180 covers all 150, so 270 never pays.
    const inst = instance(
      [{ id: 'a', x: 0, children: [100, 90] }, { id: 'b', x: 1000, children: [40, 50] }],
      [site('S', 500, [option(45, 100), option(90, 180), option(180, 300), option(270, 400)])],
    );
    expect(reachOf(inst)).toEqual([150]);
    expect(usefulOptions(inst)).toEqual([[true, true, true, false]]);
    const { layout } = buildMip(inst);
    expect([...(layout.y[0]?.[3] ?? [])].every((c) => c < 0)).toBe(true);
    expect([...(layout.y[0]?.[2] ?? [])].every((c) => c >= 0)).toBe(true);
  });

  it('drops a dearer size that adds no more seats, and every size of a school that already seats all who can reach it', () => {
    const inst = instance(
      [{ id: 'a', x: 0, children: [100] }],
      [site('S', 0, [option(90, 200), option(90, 150)]), school('E', 500, 120, { options: [option(45, 80, 120)] })],
    );
    expect(usefulOptions(inst)).toEqual([[false, true], [false]]);
  });
});
