// Registered before each test file's own hooks, so it runs after them (after hooks run in
// reverse): the file's backends and project files are closed by the time their folders go.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/temp';

afterAll(removeTempDirs);
