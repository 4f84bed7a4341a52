export * from './cost-calculator';
export * from './decimal';
export * from './errors';
export * from './hourly-rate';
export * from './numeric-input';
export * from './rational';
