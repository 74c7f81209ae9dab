/**
 * Statistics and rows shared by the command line, the page and the library: outcome shares with
 * their Wilson intervals, a batch's summary, the rows of a batch file, a report's data, and the
 * projection of many issues onto two, sensitivity indices (Morris, Sobol) and PRIM's boxes.
 * Pure: no DOM, no Node.
 */
export * from './wilson.ts';
export * from './outcome-shares.ts';
export * from './summary.ts';
export * from './batch-row.ts';
export * from './report-data.ts';
export * from './projection.ts';
export * from './invalid-input.ts';
export * from './bootstrap.ts';
export * from './saltelli.ts';
export * from './sobol-indices.ts';
export * from './morris.ts';
export * from './prim.ts';
export * from './sensitivity-result.ts';
export * from './analysis-report.ts';
export * from './grid-values.ts';
export * from './regime-boundaries.ts';
