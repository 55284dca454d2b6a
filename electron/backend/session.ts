// The project a window (or host, or CLI run) has open. One at a time: opening another
// closes the first, releasing its lock.
import type { ProjectFile } from './db/project-file';
import { noProject } from './errors';

export class Session {
  private file: ProjectFile | null = null;

  get isOpen(): boolean {
    return this.file !== null;
  }

  get project(): ProjectFile {
    if (!this.file) throw noProject();
    return this.file;
  }

  set(file: ProjectFile): void {
    this.close();
    this.file = file;
  }

  close(): boolean {
    if (!this.file) return false;
    this.file.close();
    this.file = null;
    return true;
  }
}
