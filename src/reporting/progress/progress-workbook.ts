import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { STATE_LABELS } from '../../common/i18n/labels';
import { REGULATION_CATEGORY_LABELS, RegulationCategory } from '../../register/domain';
import { CostTargetStatus, ProgressReport } from '../domain/ledger';
import type { ProgressItem } from './progress.service';
import { vietnamDate } from '../../common/vietnam-time';

export const PLAN_ACTION_LABELS: Readonly<Record<string, string>> = {
  abolish: 'Bãi bỏ',
  simplify: 'Đơn giản hóa',
  amend: 'Sửa đổi, bổ sung',
};

const VND = '#,##0';
const PCT = '0.00%';
const DATE = 'dd/mm/yyyy';

/** Excel numbers are doubles: whole VND beyond 2^53 would lose digits, so those stay text. */
function vnd(value: string | null): number | string | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** 40.00 (%) → 0.4, shown as 40.00% by the cell format. */
const pct = (value: number | null) => (value === null ? null : Number((value / 100).toFixed(4)));

const date = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

const SUMMARY_COLUMNS: Column[] = [
  { header: 'STT', width: 6 },
  { header: 'Cơ quan', width: 40 },
  { header: 'Mã cơ quan', width: 12 },
  { header: 'Số quy định kỳ gốc', width: 14, numFmt: VND },
  { header: 'Số quy định đã tính chi phí', width: 14, numFmt: VND },
  { header: 'Tỷ lệ đã tính chi phí', width: 12, numFmt: PCT },
  { header: 'Chi phí tuân thủ kỳ gốc (đồng/năm)', width: 22, numFmt: VND },
  { header: 'Đang trình: số quy định', width: 14, numFmt: VND },
  { header: 'Đang trình: chi phí cắt giảm (đồng/năm)', width: 22, numFmt: VND },
  { header: 'Đã phê duyệt: số quy định', width: 14, numFmt: VND },
  { header: 'Đã phê duyệt: chi phí cắt giảm (đồng/năm)', width: 22, numFmt: VND },
  { header: 'Đã phê duyệt: tỷ lệ số quy định', width: 14, numFmt: PCT },
  { header: 'Đã phê duyệt: tỷ lệ chi phí', width: 14, numFmt: PCT },
  { header: 'Đã thực thi: số quy định', width: 14, numFmt: VND },
  { header: 'Đã thực thi: chi phí cắt giảm (đồng/năm)', width: 22, numFmt: VND },
  { header: 'Đã thực thi: tỷ lệ số quy định', width: 14, numFmt: PCT },
  { header: 'Đã thực thi: tỷ lệ chi phí', width: 14, numFmt: PCT },
  { header: 'Quá hạn thực thi', width: 12, numFmt: VND },
  { header: 'Ngoài kỳ gốc: đã phê duyệt', width: 14, numFmt: VND },
  { header: 'Ngoài kỳ gốc: chi phí cắt giảm (đồng/năm)', width: 22, numFmt: VND },
  { header: 'Độ bao phủ chi phí thấp', width: 12 },
  { header: 'Đã phê duyệt: mục tiêu chi phí', width: 22 },
  { header: 'Đã thực thi: mục tiêu chi phí', width: 22 },
];

/** Shown instead of 0 for a regulation without a baseline estimate: its cost is unknown. */
export const NOT_COSTED = 'chưa tính';

const COST_STATUS_LABELS: Readonly<Record<CostTargetStatus, string>> = {
  reached: 'Đạt',
  not_reached: 'Chưa đạt',
  low_coverage: 'Chưa đủ căn cứ (độ bao phủ thấp)',
};

const SERIES_COLUMNS: Column[] = [
  { header: 'Tháng', width: 10 },
  { header: 'Phê duyệt trong tháng: số quy định', width: 16, numFmt: VND },
  { header: 'Phê duyệt trong tháng: chi phí cắt giảm (đồng/năm)', width: 24, numFmt: VND },
  { header: 'Thực thi trong tháng: số quy định', width: 16, numFmt: VND },
  { header: 'Thực thi trong tháng: chi phí cắt giảm (đồng/năm)', width: 24, numFmt: VND },
  { header: 'Lũy kế phê duyệt: tỷ lệ số quy định', width: 16, numFmt: PCT },
  { header: 'Lũy kế phê duyệt: tỷ lệ chi phí', width: 16, numFmt: PCT },
  { header: 'Lũy kế thực thi: tỷ lệ số quy định', width: 16, numFmt: PCT },
  { header: 'Lũy kế thực thi: tỷ lệ chi phí', width: 16, numFmt: PCT },
];

const LIST_COLUMNS: Column[] = [
  { header: 'STT', width: 8 },
  { header: 'Mã quy định (ID)', width: 38 },
  { header: 'Cơ quan', width: 14 },
  { header: 'Văn bản', width: 18 },
  { header: 'Điều, khoản, điểm', width: 18 },
  { header: 'Tên quy định', width: 50 },
  { header: 'Loại quy định', width: 24 },
  { header: 'Trạng thái', width: 22 },
  { header: 'Thuộc kỳ gốc', width: 10 },
  { header: 'Đã tính chi phí', width: 10 },
  { header: 'Chi phí tuân thủ kỳ gốc (đồng/năm)', width: 22, numFmt: VND },
  { header: 'Phương án', width: 16 },
  { header: 'Chương trình', width: 12 },
  { header: 'Chi phí cắt giảm (đồng/năm)', width: 22, numFmt: VND },
  { header: 'Ngày quyết định', width: 14, numFmt: DATE },
  { header: 'Ngày hiệu lực văn bản thực thi', width: 14, numFmt: DATE },
  { header: 'Hạn thực thi', width: 14, numFmt: DATE },
  { header: 'Quá hạn', width: 10 },
];

function summaryRow(index: number | string, name: string, code: string, r: ProgressReport) {
  return [
    index,
    name,
    code,
    r.baseline.count,
    r.baseline.costedCount,
    pct(r.baseline.coveragePct),
    vnd(r.baseline.annualCost),
    r.pipeline.count,
    vnd(r.pipeline.savings),
    r.approved.count,
    vnd(r.approved.savings),
    pct(r.approved.countPct),
    pct(r.approved.costPct),
    r.implemented.count,
    vnd(r.implemented.savings),
    pct(r.implemented.countPct),
    pct(r.implemented.costPct),
    r.overdue.count,
    r.outsideBaseline.approved.count,
    vnd(r.outsideBaseline.approved.savings),
    r.baseline.lowCoverage ? 'Có' : 'Không',
    COST_STATUS_LABELS[r.target.approvedReached.costStatus],
    COST_STATUS_LABELS[r.target.implementedReached.costStatus],
  ];
}

/** Row 5 of the summary: the coverage the cost shares rest on, with a warning when it is low. */
function coverageLine(r: ProgressReport): string {
  const b = r.baseline;
  const pctText = b.coveragePct === null ? '—' : `${b.coveragePct.toFixed(2).replace('.', ',')}%`;
  const line = `Độ bao phủ chi phí: ${b.costedCount}/${b.count} quy định kỳ gốc đã tính chi phí tuân thủ (${pctText}).`;
  return b.lowCoverage
    ? `${line} CẢNH BÁO: dưới ${b.minCoveragePct}% — tỷ lệ chi phí cắt giảm chưa đủ căn cứ để đánh giá đạt mục tiêu.`
    : line;
}

function header(sheet: ExcelJS.Worksheet, columns: Column[], row: number) {
  const r = sheet.getRow(row);
  columns.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin' } };
  });
  r.height = 45;
  r.commit();
}

export interface ProgressWorkbookInput {
  /** The figures of the scope asked for: the nation, or one agency. */
  scope: ProgressReport;
  /** One report per agency (without series), for the summary rows. */
  agencies: ProgressReport[];
  /** The regulations behind the figures, a batch at a time. */
  lines: AsyncIterable<ProgressItem[]>;
}

/**
 * The workbook a Government Office officer hands to the Prime Minister's office: "Tổng hợp" (one
 * row per agency, and the nation), "Theo tháng" (the monthly series) and "Danh sách quy định" (the
 * regulations behind every figure). Streamed: the list may hold hundreds of thousands of rows.
 */
export async function writeProgressWorkbook(
  stream: Writable,
  input: ProgressWorkbookInput,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'regcut';
  const { scope } = input;
  const p = scope.programme;
  const asOf = new Date(scope.asOf);
  const vnDate = (d: Date) => vietnamDate(d).split('-').reverse().join('/');

  // ---- Tổng hợp ------------------------------------------------------------------------------
  const summary = workbook.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 6 }] });
  summary.columns = SUMMARY_COLUMNS.map((c) => ({ width: c.width, style: { numFmt: c.numFmt } }));
  const title = [
    'BÁO CÁO TIẾN ĐỘ CẮT GIẢM, ĐƠN GIẢN HÓA QUY ĐỊNH LIÊN QUAN ĐẾN HOẠT ĐỘNG KINH DOANH',
    `${p.name} (${p.code})`,
    `Kỳ gốc: các quy định có hiệu lực ngày ${p.baselineDate.split('-').reverse().join('/')}. Mục tiêu: cắt giảm ${p.targetCountPct}% số quy định và ${p.targetCostPct}% chi phí tuân thủ thường xuyên của doanh nghiệp.`,
    `Phạm vi: ${scope.agency ? scope.agency.name : 'Toàn quốc'}. Số liệu tính đến ngày ${vnDate(asOf)}. Tỷ lệ tính trên kỳ gốc; chỉ quy định thuộc kỳ gốc được tính vào mục tiêu.`,
    coverageLine(scope),
  ];
  title.forEach((text, i) => {
    const row = summary.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font =
      i === 0
        ? { bold: true, size: 13 }
        : i === 4 && scope.baseline.lowCoverage
          ? { bold: true, color: { argb: 'FFC00000' } }
          : { italic: i > 1 };
    row.commit();
  });
  header(summary, SUMMARY_COLUMNS, 6);
  input.agencies.forEach((r, i) => {
    summary.addRow(summaryRow(i + 1, r.agency!.name, r.agency!.code, r)).commit();
  });
  if (!scope.agency) {
    const nation = summary.addRow(summaryRow('', 'Toàn quốc', '', scope));
    nation.font = { bold: true };
    nation.commit();
  }
  summary.commit();

  // ---- Theo tháng ----------------------------------------------------------------------------
  const monthly = workbook.addWorksheet('Theo tháng', { views: [{ state: 'frozen', ySplit: 1 }] });
  monthly.columns = SERIES_COLUMNS.map((c) => ({ width: c.width, style: { numFmt: c.numFmt } }));
  header(monthly, SERIES_COLUMNS, 1);
  for (const s of scope.series) {
    monthly
      .addRow([
        s.month.split('-').reverse().join('/'),
        s.approved.count,
        vnd(s.approved.savings),
        s.implemented.count,
        vnd(s.implemented.savings),
        pct(s.cumulative.approved.countPct),
        pct(s.cumulative.approved.costPct),
        pct(s.cumulative.implemented.countPct),
        pct(s.cumulative.implemented.costPct),
      ])
      .commit();
  }
  monthly.commit();

  // ---- Danh sách quy định --------------------------------------------------------------------
  const list = workbook.addWorksheet('Danh sách quy định', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  list.columns = LIST_COLUMNS.map((c) => ({ width: c.width, style: { numFmt: c.numFmt } }));
  header(list, LIST_COLUMNS, 1);
  let n = 0;
  for await (const batch of input.lines) {
    for (const item of batch) {
      list
        .addRow([
          ++n,
          item.regulationId,
          item.agency.code,
          item.legalDocument.number,
          item.provision,
          item.title,
          REGULATION_CATEGORY_LABELS[item.category as RegulationCategory] ?? item.category,
          STATE_LABELS[item.stateName] ?? item.stateName,
          item.inBaseline ? 'Có' : 'Không',
          item.costed ? 'Có' : 'Không',
          item.costed ? vnd(item.baselineCost) : NOT_COSTED,
          item.planAction ? (PLAN_ACTION_LABELS[item.planAction] ?? item.planAction) : null,
          item.planProgramme,
          vnd(item.savings),
          date(item.approvedOn),
          date(item.implementedOn),
          date(
            item.implementationDeadline ? vietnamDate(new Date(item.implementationDeadline)) : null,
          ),
          item.overdue ? 'Có' : 'Không',
        ])
        .commit();
    }
  }
  list.commit();
  await workbook.commit();
}
