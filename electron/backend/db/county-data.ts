// Writes a whole county (the sample, or a county assembled elsewhere) in one transaction.
import type Database from 'better-sqlite3';
import type { CountyData } from '../../../shared/domain';
import { writeMeta } from './meta';

export function insertCountyData(db: Database.Database, data: CountyData): void {
  const township = db.prepare('INSERT INTO townships (code, name, kind, urban_rural, area) VALUES (?, ?, ?, ?, ?)');
  const school = db.prepare(`INSERT INTO schools (code, name, kind, ownership, township, urban_rural, lat, lng,
      site_area, floor_area, teaching_area, sports_area, equipment_value, multimedia_rooms, boarding_students,
      design_classes, design_seats, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const enrolment = db.prepare('INSERT INTO enrolment (school, year, stage, grade, classes, students) VALUES (?, ?, ?, ?, ?, ?)');
  const staff = db.prepare(
    'INSERT INTO staff (school, year, teachers, qualified_above, key_teachers, pe_arts_teachers) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const population = db.prepare('INSERT INTO population (township, year, age, sex, count, source) VALUES (?, ?, ?, ?, ?, ?)');
  const births = db.prepare('INSERT INTO births (township, year, count, source) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    writeMeta(db, data.meta);
    for (const t of data.townships) township.run(t.code, t.name, t.kind, t.urbanRural, t.area);
    for (const s of data.schools) {
      school.run(s.code, s.name, s.kind, s.ownership, s.township, s.urbanRural, s.lat, s.lng, s.siteArea, s.floorArea,
        s.teachingArea, s.sportsArea, s.equipmentValue, s.multimediaRooms, s.boardingStudents, s.designClasses,
        s.designSeats, s.status);
    }
    for (const e of data.enrolment) enrolment.run(e.school, e.year, e.stage, e.grade, e.classes, e.students);
    for (const s of data.staff) staff.run(s.school, s.year, s.teachers, s.qualifiedAbove, s.keyTeachers, s.peArtsTeachers);
    for (const p of data.population) population.run(p.township, p.year, p.age, p.sex, p.count, p.source);
    for (const b of data.births) births.run(b.township, b.year, b.count, b.source);
  })();
}
