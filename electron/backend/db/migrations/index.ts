// Schema versions of the project file. Each migration runs in one transaction together
// with the bump of PRAGMA user_version and its row in the `migrations` table, so a file is
// always at exactly one known version. Append only: never edit a released migration.
import type { Migration } from './types';
import { v1 } from './v1-initial';
import { v2 } from './v2-imports';
import { v3 } from './v3-scenarios';
import { v4 } from './v4-plans';
import { v5 } from './v5-import-kinds';
import { v6 } from './v6-former-names';
import { v7 } from './v7-geography';
import { v8 } from './v8-classes-null';
import { v9 } from './v9-teachers';
import { v10 } from './v10-special';
import { v11 } from './v11-project-types';
import { v12GroupActions } from './v12-group-actions';
import { v13 } from './v13-school-moves';
import { v14SchoolReservations } from './v14-school-reservations';

export type { Migration };
export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12GroupActions, v13, v14SchoolReservations];
export const LATEST_VERSION = MIGRATIONS.length;

/** Marks our files (PRAGMA application_id), so a random SQLite file is not mistaken for a plan. */
export const APPLICATION_ID = 0x43535031; // 'CSP1'
