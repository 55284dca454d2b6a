// The layout optimiser's pure part: the instance, the MIP formulation, the greedy heuristic,
// the checker and the decisions with their reasons (docs/ARCHITECTURE.md, "Layout optimiser").
export * from './instance';
export * from './solution';
export * from './model';
export * from './check';
export * from './greedy';
export * from './decisions';
export * from './arcs';
export * from './options';
export * from './settings';
export * from './result';
export * from './progress';
