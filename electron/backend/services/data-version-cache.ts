// Values that are pure functions of the project's data and a key (the annexes, the plan
// context), kept per open file for as long as the file's write count stays the same
// (changeCounter: imports, edits, plan changes and undo all write through this connection),
// so revisiting 附件 or 规划 does not rebuild what takes seconds on a busy machine.
// See docs/ARCHITECTURE.md, "Caches keyed by the data version".
import type Database from 'better-sqlite3';
import { changeCounter } from '../db/projection-store';
import type { ProjectFile } from '../db/project-file';

interface Slot<V> {
  changes: number;
  entries: Map<string, V>;
}

export class DataVersionCache<V> {
  private readonly slots = new WeakMap<Database.Database, Slot<V>>();

  constructor(private readonly capacity: number) {}

  /** The value for `key` built from the file's data as it is now; `make` runs only on a miss. */
  get(file: ProjectFile, key: string, make: () => V): V {
    const slot = this.slotFor(file.db, changeCounter(file.db));
    const hit = slot.entries.get(key);
    if (hit !== undefined) {
      slot.entries.delete(key);
      slot.entries.set(key, hit);
      return hit;
    }
    const value = make();
    // Building may itself write (a scenario run is stored the first time it is computed);
    // what was built reflects the data after that write, so it is kept under the new count.
    const after = this.slotFor(file.db, changeCounter(file.db));
    after.entries.set(key, value);
    if (after.entries.size > this.capacity) after.entries.delete(after.entries.keys().next().value as string);
    return value;
  }

  /**
   * Drops `key` if it still holds `value` under the data as they were; an entry built since, or
   * a slot already replaced by a write, is left alone. Reads no count, so it works after close.
   */
  forget(file: ProjectFile, key: string, value: V): void {
    const slot = this.slots.get(file.db);
    if (slot?.entries.get(key) === value) slot.entries.delete(key);
  }

  private slotFor(db: Database.Database, changes: number): Slot<V> {
    const slot = this.slots.get(db);
    if (slot && slot.changes === changes) return slot;
    const fresh: Slot<V> = { changes, entries: new Map() };
    this.slots.set(db, fresh);
    return fresh;
  }
}
