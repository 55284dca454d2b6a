// When a project can first be in use, and how the years before it are named: one rule for
// the plan's suggestions (建设需求测算) and the layout optimiser, so both start building in the
// same year and word the years they bridge alike. See docs/ARCHITECTURE.md, "Suggestions".

/** First school year a project begun the year after the base year can be in use. */
export function earliestCompletion(baseYear: number, constructionYears: number): number {
  return baseYear + 1 + constructionYears;
}

/** "按 2 年工期，基准年后开工的项目最早 2028 年建成，2026–2027 年缺口需临时挖潜（大班额/租用/调剂）" (no final stop). */
export function bridgeSentence(constructionYears: number, earliest: number, from: number, to: number): string {
  return `按 ${constructionYears} 年工期，基准年后开工的项目最早 ${earliest} 年建成，${from === to ? from : `${from}–${to}`} 年缺口需临时挖潜（大班额/租用/调剂）`;
}
