// Pure import logic: header detection, synonyms, mapping, value parsing and validation.
// The backend reads files and writes the database; everything in between lives here.
export * from './kinds';
export * from './issues';
export * from './plan';
export * from './mapping';
export * from './analyse';
export * from './targets';
export * from './grid';
export * from './encoding';
export { IMPORT_KIND_LABEL } from './kinds';
export { normaliseHeader, normaliseName, columnLetter, shownValue } from './normalise';
export { TownshipIndex, isTotalLabel } from './townships';
export * from './api-types';
export { targetOptions } from './target-options';
export { importMethods } from './contract';
