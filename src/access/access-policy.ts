import { Principal } from '../identity/domain/principal';

/**
 * The record-level half of authorization (domain.md §2), as pure functions so every rule is
 * unit-tested in one place. Services call `require*`: a record the caller may not see is a 404, an
 * action on a visible record they may not take is a 403. The route-level half is AccessGuard.
 */
export interface AgencyOwned {
  agencyId: string;
}

export interface RegulationAccessFacts extends AgencyOwned {
  /** Left draft (and was not withdrawn from draft): the register fields are public. */
  published: boolean;
  /** Its consultation has opened: plan and estimates are public. */
  planPublic: boolean;
}

export type Denial = { status: 404 | 403; reason: string };
export type Decision = { allowed: true } | ({ allowed: false } & Denial);

const allow: Decision = { allowed: true };
const hidden = (reason: string): Decision => ({ allowed: false, status: 404, reason });
const forbidden = (reason: string): Decision => ({ allowed: false, status: 403, reason });

export const readsEverything = (p?: Principal) =>
  !!p && (p.role === 'gov_office' || p.role === 'admin');
export const isMinistry = (p?: Principal) =>
  !!p && (p.role === 'ministry_officer' || p.role === 'ministry_lead');
export const ownsRecord = (p: Principal | undefined, r: AgencyOwned) =>
  isMinistry(p) && p!.agencyId === r.agencyId;

export const AccessPolicy = {
  /** The register fields of a regulation. */
  readRegulation(p: Principal | undefined, r: RegulationAccessFacts): Decision {
    if (readsEverything(p) || ownsRecord(p, r) || r.published) return allow;
    return hidden('the regulation is not published');
  },

  /** Review notes, history and other internal fields. */
  readRegulationInternals(p: Principal | undefined, r: RegulationAccessFacts): Decision {
    const read = AccessPolicy.readRegulation(p, r);
    if (!read.allowed) return read;
    if (readsEverything(p) || ownsRecord(p, r)) return allow;
    return forbidden('only the owning agency and the Government Office see internal records');
  },

  /** The plan and cost estimates: the owner and the Government Office; everyone once consulted. */
  readPlanAndCosts(p: Principal | undefined, r: RegulationAccessFacts): Decision {
    const read = AccessPolicy.readRegulation(p, r);
    if (!read.allowed) return read;
    if (readsEverything(p) || ownsRecord(p, r) || r.planPublic) return allow;
    return forbidden('the plan and its costs are public once its consultation opens');
  },

  /** Edit the register fields, estimates and plan; drive the workflow as the owning agency. */
  writeRegulation(p: Principal | undefined, r: RegulationAccessFacts): Decision {
    const read = AccessPolicy.readRegulation(p, r);
    if (!read.allowed) return read;
    if (ownsRecord(p, r) && !p!.readOnly) return allow;
    return forbidden('only the owning agency may change this regulation');
  },

  /**
   * A consultation feedback item and its answer (domain.md §2, §6): its author, the owning agency
   * and the Government Office; everyone who sees the regulation once the answers are published,
   * unless moderation hid it (then only its author, the owning agency and the Government Office).
   */
  readFeedback(
    p: Principal | undefined,
    r: RegulationAccessFacts,
    f: { authorId: string; published: boolean; hidden?: boolean },
  ): Decision {
    const read = AccessPolicy.readRegulation(p, r);
    if (!read.allowed) return read;
    if (readsEverything(p) || ownsRecord(p, r)) return allow;
    if (p?.kind === 'user' && p.userId === f.authorId) return allow;
    // A moderated (hidden) public comment leaves every public view.
    if (f.hidden) return hidden('the comment was hidden by moderation');
    if (f.published) return allow;
    return hidden(
      'feedback is seen by its author and the owning agency until the answers are published',
    );
  },

  /** Create a record for an agency: only that agency's own officers and leads. */
  createForAgency(p: Principal | undefined, agencyId: string): Decision {
    if (ownsRecord(p, { agencyId }) && !p!.readOnly) return allow;
    return forbidden('a regulation may only be filed by its own agency');
  },
};
