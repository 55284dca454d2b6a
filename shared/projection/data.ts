// The county data the engine reads, and the cut that makes "--base-year Y" honest: a
// projection as of Y sees nothing recorded after Y.
import type { CountyData } from '../domain/model';

export type ProjectionData = Pick<CountyData, 'meta' | 'townships' | 'schools' | 'enrolment' | 'population' | 'births'>;

export function asOf(data: ProjectionData, year: number): ProjectionData {
  return {
    meta: data.meta,
    townships: data.townships,
    schools: data.schools,
    enrolment: data.enrolment.filter((r) => r.year <= year),
    population: data.population.filter((r) => r.year <= year),
    births: data.births.filter((r) => r.year <= year),
  };
}

export function lastYearOf(records: readonly { year: number }[], atMost = Infinity): number | null {
  let last: number | null = null;
  for (const r of records) if (r.year <= atMost && (last === null || r.year > last)) last = r.year;
  return last;
}
