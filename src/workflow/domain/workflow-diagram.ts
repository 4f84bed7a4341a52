/**
 * Describes the statechart from the machine definition itself (walking `machine.root`), as JSON
 * and as a Mermaid `stateDiagram-v2`, for `GET /regulations/:id/workflow`. Nothing here is
 * written by hand, so the picture cannot drift from the machine.
 */
import type { AnyStateMachine } from 'xstate';
import { MACHINE_GUARDS, isMachineGuardName } from './regulation.guards';
import { REGULATION_EVENT_TYPES, type RegulationEventType } from './regulation.events';
import {
  REGULATION_MACHINE_VERSION,
  WORKFLOW_TIMERS,
  regulationMachine,
} from './regulation.machine';
import { EVENT_PERMISSIONS, type WorkflowRole } from './roles';

type AnyStateNode = AnyStateMachine['root'];

export type TransitionKind = 'event' | 'done' | 'delayed' | 'eventless';

export interface WorkflowTransitionDescription {
  /** The event type, or `onDone` for a compound/parallel state's completion. */
  event: string;
  kind: TransitionKind;
  /** Target state paths ("consultation.experts.closed"). */
  targets: string[];
  guard?: string;
  /** The named conditions behind the guard. */
  conditions?: string[];
}

export interface WorkflowTimerDescription {
  id: string;
  event: string;
  delay: string;
}

export interface WorkflowStateDescription {
  /** Dotted path below the machine ("consultation.experts.open"). */
  path: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  description?: string;
  /** Initial child key of a compound state. */
  initial?: string;
  /** Timers scheduled on entry (and cancelled on exit). */
  timers: WorkflowTimerDescription[];
  transitions: WorkflowTransitionDescription[];
  states: WorkflowStateDescription[];
}

export interface WorkflowDescription {
  machineId: string;
  machineVersion: number;
  initial: string;
  states: WorkflowStateDescription[];
  events: {
    type: RegulationEventType;
    roles: readonly WorkflowRole[];
    owningAgencyOnly: boolean;
  }[];
}

function pathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

function transitionKind(eventType: string, delay: unknown): TransitionKind {
  if (eventType === '') return 'eventless';
  if (eventType.startsWith('xstate.done.state.')) return 'done';
  if (eventType.startsWith('xstate.after.') || delay !== undefined) return 'delayed';
  return 'event';
}

function describeTransitions(node: AnyStateNode): WorkflowTransitionDescription[] {
  const all = [...node.transitions.values()].flat().concat(node.always ?? []);
  return all.map((t) => {
    const kind = transitionKind(t.eventType, (t as { delay?: unknown }).delay);
    const guard: unknown = t.guard;
    const guardName =
      typeof guard === 'string'
        ? guard
        : typeof guard === 'object' && guard !== null && 'type' in guard
          ? String((guard as { type: unknown }).type)
          : guard
            ? 'inline'
            : undefined;
    return {
      event: kind === 'done' ? 'onDone' : t.eventType,
      kind,
      targets: (t.target ?? []).map((target: AnyStateNode) => pathOf(target)),
      ...(guardName !== undefined && { guard: guardName }),
      ...(isMachineGuardName(guardName) && { conditions: [...MACHINE_GUARDS[guardName]] }),
    };
  });
}

const TIMER_BY_ID = new Map<string, { id: string; event: string; delay: string }>(
  Object.values(WORKFLOW_TIMERS).map((t) => [t.id, t]),
);

function describeTimers(node: AnyStateNode): WorkflowTimerDescription[] {
  return node.entry.flatMap((action: unknown) => {
    const a = action as { type?: unknown; id?: unknown; delay?: unknown };
    if (a?.type !== 'xstate.raise' || a.delay === undefined) return [];
    const spec = TIMER_BY_ID.get(String(a.id));
    return [{ id: String(a.id), event: spec?.event ?? '?', delay: String(a.delay) }];
  });
}

function describeNode(node: AnyStateNode): WorkflowStateDescription {
  const children = Object.values(node.states) as AnyStateNode[];
  const initial = node.type === 'compound' ? node.initial?.target?.[0]?.key : undefined;
  return {
    path: pathOf(node),
    key: node.key,
    type: node.type,
    ...(node.description && { description: node.description }),
    ...(initial !== undefined && { initial }),
    timers: describeTimers(node),
    transitions: describeTransitions(node),
    states: children.map(describeNode),
  };
}

/** The statechart as JSON (states nest as in the machine; parallel regions are child states). */
export function describeWorkflow(
  machine: AnyStateMachine = regulationMachine,
  version: number = REGULATION_MACHINE_VERSION,
): WorkflowDescription {
  const root = machine.root;
  const description = describeNode(root);
  return {
    machineId: machine.id,
    machineVersion: version,
    initial: description.initial ?? '',
    states: description.states,
    events: REGULATION_EVENT_TYPES.map((type) => ({
      type,
      roles: EVENT_PERMISSIONS[type].roles,
      owningAgencyOnly: EVENT_PERMISSIONS[type].owningAgencyOnly,
    })),
  };
}

/** Mermaid ids must be unique across the diagram: "open" exists in both consultation regions. */
function mermaidId(path: string): string {
  return path.replace(/\./g, '_');
}

function edgeLabel(t: WorkflowTransitionDescription): string {
  const name = t.kind === 'done' ? 'onDone' : t.event;
  return t.guard ? `${name} [${t.guard}]` : name;
}

/** The statechart as a Mermaid `stateDiagram-v2` (composite states for nesting, `--` between parallel regions). */
export function toMermaid(
  machine: AnyStateMachine = regulationMachine,
  version: number = REGULATION_MACHINE_VERSION,
): string {
  const { states, initial } = describeWorkflow(machine, version);
  const lines: string[] = [
    'stateDiagram-v2',
    `  %% ${machine.id} workflow, version ${version}, generated from the machine`,
  ];

  const renderLevel = (
    level: WorkflowStateDescription[],
    initialKey: string | undefined,
    indent: string,
  ) => {
    const byKey = new Map(level.map((s) => [s.key, s]));
    if (initialKey && byKey.has(initialKey)) {
      lines.push(`${indent}[*] --> ${mermaidId(byKey.get(initialKey)!.path)}`);
    }
    for (const s of level) renderState(s, indent);
    // Edges are written at the level of their source, which Mermaid requires for nested states.
    for (const s of level) {
      for (const t of s.transitions) {
        for (const target of t.targets) {
          lines.push(`${indent}${mermaidId(s.path)} --> ${mermaidId(target)} : ${edgeLabel(t)}`);
        }
      }
      if (s.type === 'final') lines.push(`${indent}${mermaidId(s.path)} --> [*]`);
    }
  };

  const renderState = (s: WorkflowStateDescription, indent: string) => {
    const id = mermaidId(s.path);
    if (s.states.length === 0) {
      lines.push(`${indent}state "${s.key}" as ${id}`);
    } else {
      lines.push(`${indent}state "${s.key}" as ${id} {`);
      if (s.type === 'parallel') {
        s.states.forEach((region, i) => {
          if (i > 0) lines.push(`${indent}  --`);
          // Regions are all active at once: no initial arrow into a region.
          renderLevel([region], undefined, `${indent}  `);
        });
      } else {
        renderLevel(s.states, s.initial, `${indent}  `);
      }
      lines.push(`${indent}}`);
    }
    if (s.description) lines.push(`${indent}${id} : ${s.description.replace(/[:\n]/g, ' ')}`);
    for (const timer of s.timers) {
      lines.push(`${indent}note right of ${id} : timer ${timer.id} sends ${timer.event}`);
    }
  };

  renderLevel(states, initial, '  ');
  return lines.join('\n') + '\n';
}
