/** Who a caller is in the programme (domain.md §2). */
export const ROLES = [
  'ministry_officer', // chuyên viên pháp chế
  'ministry_lead', // lãnh đạo vụ pháp chế
  'expert', // chuyên gia, Hội đồng tư vấn cải cách TTHC
  'association', // hiệp hội doanh nghiệp (VCCI, VINASME, …)
  'gov_office', // Văn phòng Chính phủ / Cục Kiểm soát TTHC
  'admin',
  'public', // doanh nghiệp, người dân góp ý công khai (self-registered, e-mail verified)
] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_KINDS = [
  'ministry',
  'province',
  'association',
  'government_office',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Roles that file and drive regulations for their own agency. */
export const MINISTRY_ROLES: readonly Role[] = ['ministry_officer', 'ministry_lead'];

/** Which kinds of agency a role may belong to. */
const AGENCY_KINDS_FOR_ROLE: Record<Role, readonly AgencyKind[]> = {
  ministry_officer: ['ministry', 'province', 'other'],
  ministry_lead: ['ministry', 'province', 'other'],
  // Experts sit on the Advisory Council; they may come from any organisation.
  expert: ['ministry', 'province', 'association', 'government_office', 'other'],
  association: ['association'],
  gov_office: ['government_office'],
  admin: ['government_office', 'other'],
  // Public commenters sign themselves up into the one PUBLIC_AGENCY_ID; never assigned by an admin.
  public: [],
};

/** The agency "Công chúng" every public commenter belongs to (seeded by the PublicComments migration). */
export const PUBLIC_AGENCY_ID = '6a1c0000-0000-4000-8000-000000000017';

export function roleFitsAgency(role: Role, kind: AgencyKind): boolean {
  return AGENCY_KINDS_FOR_ROLE[role].includes(kind);
}

export function agencyKindsForRole(role: Role): readonly AgencyKind[] {
  return AGENCY_KINDS_FOR_ROLE[role];
}
