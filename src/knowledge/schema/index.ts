export * from './ids.ts';
export * from './source.ts';
export * from './versions.ts';
export * from './matrix.ts';
export * from './records.ts';
