export * from './dates';
export * from './legal-document';
export * from './regulation-fields';
export * from './text';
export * from './amending-document';
export * from './regulation-states';
