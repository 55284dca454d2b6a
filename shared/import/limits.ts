// Bounds on what an import will look at. The reader enforces the file-level ones before
// and while parsing; these are the ones pure code needs too.

/** Widest sheet imported: the widest real layout (a township per column) is far narrower. */
export const MAX_COLUMNS = 1024;
/** Longest text kept in a field (names are far shorter); longer cells are refused, not cut. */
export const MAX_FIELD_TEXT = 200;
/** Rows a preview shows. */
export const PREVIEW_ROWS = 20;

/**
 * Staff of one school in one row. The largest Chinese schools have a few thousand 教职工; a larger
 * figure is a county (or wider) total pasted into a school row, or a unit slip — never a school.
 */
export const MAX_SCHOOL_STAFF = 10_000;
