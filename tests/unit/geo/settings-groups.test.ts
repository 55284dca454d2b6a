// The settings drawer's table of geographic settings: every setting has exactly one control,
// its bounds are the schema's, each group's tag says 参考值 or the standard it comes from, and
// 恢复默认 gives back the defaults.
import { describe, expect, it } from 'vitest';
import { GEO_SETTING_GROUPS, geoValueAt, groupChanged, groupDefaults, mergeGeoSettings, sourceTag } from '../../../shared/geo/settings-groups';
import { defaultGeoSettings, geoSettingsSchema } from '../../../shared/geo/settings';

function leaves(o: unknown, prefix: string[] = []): string[] {
  if (typeof o !== 'object' || o === null) return [prefix.join('.')];
  return Object.entries(o).flatMap(([k, v]) => leaves(v, [...prefix, k]));
}

describe('GEO_SETTING_GROUPS', () => {
  it('has one control for every geographic setting', () => {
    const controlled = GEO_SETTING_GROUPS.flatMap((g) => g.fields.map((f) => f.path.join('.')));
    expect([...controlled].sort()).toEqual(leaves(defaultGeoSettings()).sort());
  });

  it("uses the schema's bounds: the bounds pass, just beyond is refused", () => {
    for (const g of GEO_SETTING_GROUPS) {
      for (const f of g.fields) {
        if (f.input.kind !== 'number') continue;
        const at = (v: number) => {
          const s = structuredClone(defaultGeoSettings()) as unknown as Record<string, unknown>;
          const parent = f.path.slice(0, -1).reduce((o, k) => o[k] as Record<string, unknown>, s);
          parent[f.path[f.path.length - 1]!] = v;
          return geoSettingsSchema.safeParse(s);
        };
        expect(at(f.input.min).success, f.name).toBe(true);
        expect(at(f.input.max).success, f.name).toBe(true);
        const below = at(f.input.min - 0.01);
        expect(below.success).toBe(false);
        expect(below.error?.issues[0]?.message).toContain(f.name);
        expect(at(f.input.max + 0.01).success).toBe(false);
      }
    }
  });

  it('tags GB 50180-2018 for the urban groups and 参考值 for the rest', () => {
    expect(Object.fromEntries(GEO_SETTING_GROUPS.map((g) => [g.key, [sourceTag(g.source), g.reference]]))).toEqual({
      urbanRadius: ['GB 50180-2018', false],
      ruralRadius: ['参考值', true],
      roadFactor: ['参考值', true],
      speed: ['参考值', true],
      urbanMinutes: ['GB 50180-2018', false],
      ruralMinutes: ['参考值', true],
    });
  });

  it('restores a group to the defaults and says which groups differ', () => {
    const rural = GEO_SETTING_GROUPS.find((g) => g.key === 'ruralRadius')!;
    const changed = mergeGeoSettings(defaultGeoSettings(), { rural: { primary: 4000 } });
    expect(changed.rural).toEqual({ preschool: 1000, primary: 4000, junior: 5000 });
    expect(GEO_SETTING_GROUPS.filter((g) => groupChanged(g, changed)).map((g) => g.key)).toEqual(['ruralRadius']);
    expect(groupDefaults(rural).map((d) => [d.path.join('.'), d.value])).toEqual([['rural.preschool', 1000], ['rural.primary', 2500], ['rural.junior', 5000]]);
    expect(geoValueAt(defaultGeoSettings(), ['travel', 'ruralMode', 'junior'])).toBe('bus');
  });
});
