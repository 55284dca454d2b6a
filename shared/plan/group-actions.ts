// The county's school groups in a year once the plan's 集团化办学 actions are done: an action
// naming a group that exists by then adds its members to it, any other forms a group around
// its school from its completion year (docs/ARCHITECTURE.md, "Special education, migrant
// children and school groups").
import type { SchoolGroup } from '../domain/inclusion';
import type { GroupAction } from './model';
import { PROJECT_TYPE, type ProjectType } from './project-types';

/** What the group indicators need of a project. */
export interface GroupActionProject {
  id: number;
  type: ProjectType;
  school: string | null;
  completionYear: number;
  schoolGroup: GroupAction | null;
}

/**
 * The groups formed by `year` (recorded ones from their `yearFormed`, a blank year counting as
 * always), with what the actions done by `year` add. `projects` are the ones that count (not
 * 暂缓, school present); they are applied in completion order, so an action may extend a group
 * an earlier action formed.
 */
export function groupsInYear(groups: readonly SchoolGroup[], projects: readonly GroupActionProject[], year: number): SchoolGroup[] {
  const byName = new Map<string, SchoolGroup>();
  for (const g of groups) if (g.yearFormed === null || g.yearFormed <= year) byName.set(g.name, { ...g, members: [...g.members] });
  const actions = projects
    .filter((p) => PROJECT_TYPE[p.type].group && p.schoolGroup && p.school && p.completionYear <= year)
    .sort((a, b) => a.completionYear - b.completionYear || a.id - b.id);
  for (const p of actions) {
    const action = p.schoolGroup as GroupAction;
    const core = p.school as string;
    const known = byName.get(action.name);
    if (known) {
      for (const m of action.members) if (m !== known.core && !known.members.includes(m)) known.members.push(m);
    } else {
      byName.set(action.name, { name: action.name, kind: action.kind, core, members: action.members.filter((m) => m !== core), yearFormed: p.completionYear });
    }
  }
  return [...byName.values()];
}
