/** The pure regulation workflow: statechart, events, guards, roles, engine and diagram. */
export * from './time';
export * from './regulation.events';
export * from './regulation.guards';
export * from './regulation.machine';
export * from './roles';
export * from './workflow-engine';
export * from './workflow-diagram';
export * from './warnings';
export * from './event-payloads';
