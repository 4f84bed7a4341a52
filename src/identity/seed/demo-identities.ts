import type { AgencyKind, Role } from '../domain/roles';

/** The password of every demo login (listed in the README). */
export const DEMO_PASSWORD = 'regcut-demo-2026';

export const DEMO_AGENCIES: Array<{ code: string; name: string; kind: AgencyKind }> = [
  { code: 'BYT', name: 'Bộ Y tế', kind: 'ministry' },
  { code: 'BCT', name: 'Bộ Công Thương', kind: 'ministry' },
  { code: 'BXD', name: 'Bộ Xây dựng', kind: 'ministry' },
  { code: 'VCCI', name: 'Liên đoàn Thương mại và Công nghiệp Việt Nam', kind: 'association' },
  { code: 'VINASME', name: 'Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam', kind: 'association' },
  { code: 'VPCP', name: 'Văn phòng Chính phủ', kind: 'government_office' },
  {
    code: 'HDTV',
    name: 'Hội đồng tư vấn cải cách thủ tục hành chính của Thủ tướng Chính phủ',
    kind: 'other',
  },
];

export const DEMO_USERS: Array<{
  email: string;
  fullName: string;
  role: Role;
  agency: string;
  /** Experts: their directory entry (field, and whether ministries see their e-mail). */
  expert?: { field: string; shareEmail: boolean };
}> = [
  {
    email: 'officer.byt@demo.regcut.vn',
    fullName: 'Nguyễn Thị Lan',
    role: 'ministry_officer',
    agency: 'BYT',
  },
  {
    email: 'lead.byt@demo.regcut.vn',
    fullName: 'Trần Văn Minh',
    role: 'ministry_lead',
    agency: 'BYT',
  },
  {
    email: 'officer.bct@demo.regcut.vn',
    fullName: 'Lê Hoàng Nam',
    role: 'ministry_officer',
    agency: 'BCT',
  },
  {
    email: 'lead.bct@demo.regcut.vn',
    fullName: 'Phạm Thu Hà',
    role: 'ministry_lead',
    agency: 'BCT',
  },
  {
    email: 'officer.bxd@demo.regcut.vn',
    fullName: 'Đỗ Quang Huy',
    role: 'ministry_officer',
    agency: 'BXD',
  },
  {
    email: 'expert@demo.regcut.vn',
    fullName: 'GS. Võ Đức Anh',
    role: 'expert',
    agency: 'HDTV',
    expert: { field: 'An toàn thực phẩm; y tế', shareEmail: true },
  },
  {
    email: 'expert2@demo.regcut.vn',
    fullName: 'TS. Hoàng Mai Phương',
    role: 'expert',
    agency: 'HDTV',
    // Did not agree to show her e-mail: the directory leaves it out.
    expert: { field: 'Thương mại, xuất nhập khẩu; chi phí tuân thủ', shareEmail: false },
  },
  {
    email: 'association.vcci@demo.regcut.vn',
    fullName: 'Đậu Anh Tuấn',
    role: 'association',
    agency: 'VCCI',
  },
  {
    email: 'association.vinasme@demo.regcut.vn',
    fullName: 'Bùi Thị Hồng',
    role: 'association',
    agency: 'VINASME',
  },
  {
    email: 'govoffice@demo.regcut.vn',
    fullName: 'Ngô Hải Phan',
    role: 'gov_office',
    agency: 'VPCP',
  },
  { email: 'admin@demo.regcut.vn', fullName: 'Quản trị hệ thống', role: 'admin', agency: 'VPCP' },
];
