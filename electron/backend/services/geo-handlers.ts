// The 布局图 methods of the API, mapped to the geography services (spread into backend.ts).
import type { Handlers } from '../dispatcher';
import type { SourceFile } from '../import/source-file';
import type { Session } from '../session';
import { importGeoLayer } from './geo-import';
import { geoAssignVillages, geoCatchments, geoCoverage, geoMap, geoMoveSchool, geoNewSite, geoSetProjectSite, geoUndoSchoolMove } from './geo';

type GeoMethod = Extract<keyof Handlers, `geo.${string}`>;

export function geoHandlers(session: Session, takeUpload: (uploadId: string) => SourceFile): Pick<Handlers, GeoMethod> {
  return {
    'geo.map': (input) => geoMap(session.project, input),
    'geo.coverage': (input) => geoCoverage(session.project, input),
    'geo.catchments': (input) => geoCatchments(session.project, input),
    'geo.newSite': (input) => geoNewSite(session.project, input),
    'geo.assignVillages': (input) => geoAssignVillages(session.project, input),
    'geo.setProjectSite': (input) => geoSetProjectSite(session.project, input),
    'geo.moveSchool': (input) => geoMoveSchool(session.project, input),
    'geo.undoSchoolMove': () => geoUndoSchoolMove(session.project),
    'geo.importLayer': (input) => importGeoLayer(session.project, input, takeUpload),
  };
}
