/**
 * The top-level workflow states a regulation can be in, in workflow order: the values of
 * `regulation.state_name`, which the register stores and filters by. The register owns the list so
 * that it need not import the workflow; the workflow's statechart has exactly these states
 * (workflow/domain takes this list as its TOP_LEVEL_STATES, and its specs check the machine).
 */
export const REGULATION_STATE_NAMES = [
  'draft',
  'review',
  'costing',
  'drafting_plan',
  'consultation',
  'responding',
  'government_office_review',
  'awaiting_decision',
  'implementing',
  'retained',
  'withdrawn',
  'rejected',
  'implemented',
] as const;
