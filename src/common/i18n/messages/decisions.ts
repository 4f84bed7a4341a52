/** Decisions (quyết định) of the Prime Minister and reminders (đôn đốc). */
export const DECISIONS_MESSAGES = {
  'decision.regulationIdsUuid': {
    en: 'each of regulationIds must be a UUID',
    vi: 'mỗi phần tử của regulationIds phải là một UUID',
  },
  'decision.oneAgency': {
    en: "A decision is recorded for one agency's regulations; {ids} belong to another agency than {first}. Nothing was recorded.",
    vi: 'Một quyết định được ghi cho các quy định của một cơ quan; {ids} thuộc cơ quan khác với {first}. Chưa ghi nhận gì.',
  },
  'decision.exists': {
    en: 'Decision {number} of {date} is already recorded for this agency; add a regulation to it with RECORD_DECISION on that regulation (POST /regulations/:id/events).',
    vi: 'Quyết định {number} ngày {date} đã được ghi cho cơ quan này; hãy thêm quy định vào quyết định bằng RECORD_DECISION trên quy định đó (POST /regulations/:id/events).',
  },
  'decision.outcomeConflict': {
    en: 'Decision {number} of {date} is recorded as {outcome} for this agency; it cannot also be {other}.',
    vi: 'Quyết định {number} ngày {date} đã được ghi là {outcome} cho cơ quan này; không thể đồng thời là {other}.',
  },
  'decision.noRegulation': {
    en: 'No regulation has the id {ids}; nothing was recorded.',
    vi: 'Không có quy định nào có id {ids}; chưa ghi nhận gì.',
  },
  'decision.noSuch': { en: 'No such decision.', vi: 'Không tìm thấy quyết định.' },
  'decision.notWaiting': {
    en: 'RECORD_DECISION is accepted only in awaiting_decision; {list}. Nothing was recorded.',
    vi: 'RECORD_DECISION chỉ được chấp nhận ở trạng thái "Chờ quyết định"; {list}. Chưa ghi nhận gì.',
  },
  'decision.isIn': { en: '{id} is in {state}', vi: '{id} đang ở trạng thái "{state}"' },
  'decision.regulationFailed': {
    en: 'Regulation {id}: {detail} Nothing was recorded.',
    vi: 'Quy định {id}: {detail} Chưa ghi nhận gì.',
  },
  'decision.sameDate': { en: 'already recorded with this date', vi: 'đã được ghi với ngày này' },
  'decision.otherAgency': {
    en: 'belongs to agency {agency}, not {expected}',
    vi: 'thuộc cơ quan {agency}, không phải {expected}',
  },
  'decision.notAwaiting': {
    en: 'is in {state}, not awaiting_decision',
    vi: 'đang ở trạng thái "{state}", không phải "Chờ quyết định"',
  },
  'decision.mustBe': { en: 'must be {outcome}', vi: 'phải là {outcome}' },
  'decision.onlyApproved': {
    en: 'applies only to an approved decision',
    vi: 'chỉ áp dụng cho quyết định phê duyệt',
  },
  'decision.requiredApproved': { en: 'is required when approved', vi: 'là bắt buộc khi phê duyệt' },
  'decision.atLeastOne': {
    en: 'must list at least one regulation id',
    vi: 'phải có ít nhất một id quy định',
  },
  'decision.notAfterToday': {
    en: 'must not be after today ({today}): record a decision once it is signed',
    vi: 'không được sau hôm nay ({today}): chỉ ghi quyết định khi đã ký',
  },
  'decision.notBeforeDecision': {
    en: 'must not be before the decision date ({date})',
    vi: 'không được trước ngày quyết định ({date})',
  },
  'amendment.notNumberOf': {
    en: 'is not the number of document {id} ({number})',
    vi: 'không phải số hiệu của văn bản {id} ({number})',
  },
  'amendment.noDocument': {
    en: 'no legal document has this id',
    vi: 'không có văn bản nào có id này',
  },
  'reminder.ownOnly': {
    en: 'A ministry reads its own reminders only.',
    vi: 'Bộ, ngành chỉ xem được các văn bản đôn đốc gửi cho mình.',
  },
  'reminder.onlyImplementing': {
    en: 'A reminder is for a plan being implemented; this regulation is in {state}.',
    vi: 'Đôn đốc chỉ dành cho phương án đang thực thi; quy định đang ở trạng thái "{state}".',
  },
} as const;
