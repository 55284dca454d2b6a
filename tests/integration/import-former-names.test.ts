// 曾用名 is stored as a JSON list beside the school and read back as a list;
// a malformed value reads as no former names.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { createProjectFile, type ProjectFile } from '../../electron/backend/db/project-file';
import { schoolByCode } from '../../electron/backend/db/queries';
import { tinyCounty } from '../fixtures/tiny-county';
import { tempDir } from '../helpers/temp';

const opened: ProjectFile[] = [];
afterAll(() => opened.forEach((f) => f.close()));

describe('曾用名 column', () => {
  it('stores a list of former names and reads it back; malformed JSON reads as none', async () => {
    const file = await createProjectFile(path.join(tempDir(), '曾用名.csplan'));
    opened.push(file);
    const county = tinyCounty();
    const [first, second] = county.schools;
    county.schools[0] = { ...first!, formerNames: ['城关镇第一完全小学', '城關一小'] };
    insertCountyData(file.db, county);
    expect(schoolByCode(file.db, first!.code)?.formerNames).toEqual(['城关镇第一完全小学', '城關一小']);
    expect(schoolByCode(file.db, second!.code)?.formerNames).toEqual([]);
    file.db.prepare("UPDATE schools SET former_names = 'x' WHERE code = ?").run(second!.code);
    expect(schoolByCode(file.db, second!.code)?.formerNames).toEqual([]);
  });
});
