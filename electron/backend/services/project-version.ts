// A token that changes whenever what the pages show could have changed: another file opened
// (or the same one re-opened or restored: a new connection) or any write through this
// connection (SQLite's total_changes(), as the DataVersionCache uses). The renderer keeps
// pages it has shown and asks for this on each page switch, so an unchanged project makes a
// revisit a display toggle. See docs/ARCHITECTURE.md, "Kept pages".
import type Database from 'better-sqlite3';
import { changeCounter } from '../db/projection-store';
import type { ProjectFile } from '../db/project-file';

const connectionIds = new WeakMap<Database.Database, number>();
let nextConnectionId = 1;

export function projectVersion(file: ProjectFile): { version: string } {
  let id = connectionIds.get(file.db);
  if (id === undefined) {
    id = nextConnectionId++;
    connectionIds.set(file.db, id);
  }
  return { version: `${id}:${changeCounter(file.db)}` };
}
