export * from './cells';
export * from './columns';
export * from './csv';
export * from './errors';
export * from './format';
export * from './parse-import';
export * from './workbooks';
export * from './parse-guarded';
