// The 教师编制 block of 规划设置: the staffing ratios (national defaults), the yearly exit rate
// and the recruits per stage. Rendered inside the drawer's norms form.
import type { ReactNode } from 'react';
import { STAGE_LABEL } from '@shared/domain';
import { TEACHER_STAGES } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { SettingsBlock } from './SettingsBlock';

const t = zh.teachers.settings;

type Num = (name: (string | number)[], label: string, min: number, max: number, step?: number) => ReactNode;

export function TeacherSettingsFields({ num }: { num: Num }) {
  return (
    <SettingsBlock title={t.title} hint={t.hint} testId="teacher-settings">
      <div className="editor-grid-3">
        {num(['teachers', 'studentsPerTeacher', 'primary'], t.perTeacher(STAGE_LABEL.primary), 1, 100, 0.5)}
        {num(['teachers', 'studentsPerTeacher', 'junior'], t.perTeacher(STAGE_LABEL.junior), 1, 100, 0.5)}
        {num(['teachers', 'studentsPerTeacher', 'senior'], t.perTeacher(STAGE_LABEL.senior), 1, 100, 0.5)}
        {num(['teachers', 'perClass', 'villagePrimary'], t.villagePrimary, 0, 5, 0.1)}
        {num(['teachers', 'perClass', 'teachingPoint'], t.teachingPoint, 0, 5, 0.1)}
        {num(['teachers', 'kindergartenPerClass'], t.kindergartenPerClass, 0.5, 5, 0.5)}
        {num(['teachers', 'attrition'], t.attrition, 0, 0.3, 0.005)}
        {num(['teachers', 'femaleShare'], t.femaleShare, 0, 1, 0.05)}
      </div>
      <div className="editor-grid" style={{ gridTemplateColumns: 'repeat(4, 1fr)' }}>
        {TEACHER_STAGES.map((s) => (
          <div key={s}>{num(['teachers', 'hiring', s], t.hiring(STAGE_LABEL[s]), 0, 10000)}</div>
        ))}
      </div>
    </SettingsBlock>
  );
}
