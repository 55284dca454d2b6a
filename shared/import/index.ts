// Pure import logic: header detection, synonyms, mapping, value parsing and validation.
// The backend reads files and writes the database; everything in between lives here.
export * from './kinds';
export * from './kinds/registry';
export type { ImportKindSpec } from './kinds/spec';
export * from './issues';
export * from './plan';
export * from './mapping';
export * from './analyse';
export * from './targets';
export * from './grid';
export * from './encoding';
export { normaliseHeader, normaliseName, columnLetter, shownValue } from './normalise';
export { TownshipIndex, isTotalLabel } from './townships';
export * from './api-types';
export { targetOptions } from './target-options';
export { importMethods } from './contract';
