/** What a notification points at in the web app. */
export type LinkTarget =
  | { kind: 'regulation'; regulationId: string; tab?: 'consultation' }
  | { kind: 'round'; regulationId: string; roundId: string }
  | { kind: 'my_feedback'; regulationId: string };

const MINISTRY = new Set(['ministry_officer', 'ministry_lead']);
// Public commenters (góp ý công khai) use the same rounds and feedback pages as associations.
const PARTICIPANTS = new Set(['expert', 'association', 'public']);

/** The web app's path for a role (each role has its own area: web/src/areas). */
export function linkFor(role: string, target: LinkTarget): string {
  if (MINISTRY.has(role)) {
    const tab = target.kind === 'regulation' ? target.tab : 'consultation';
    return `/bo-nganh/quy-dinh/${target.regulationId}${tab ? `?tab=${tab}` : ''}`;
  }
  if (PARTICIPANTS.has(role)) {
    if (target.kind === 'round') return `/gop-y/dot/${target.roundId}`;
    if (target.kind === 'my_feedback') return `/gop-y/cua-toi`;
  }
  // The Government Office, admins and anyone else: the public page of the regulation.
  return `/quy-dinh/${target.regulationId}`;
}

/** The absolute URL for an e-mail, from PUBLIC_URL (without trailing slash). */
export const absoluteLink = (publicUrl: string, path: string) => `${publicUrl}${path}`;
