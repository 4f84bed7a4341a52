/** The regulation workflow (quy trình): events, guards, headers and warnings. */
export const WORKFLOW_MESSAGES = {
  'workflow.expertIdNonEmpty': {
    en: 'every expert id must be a non-empty string',
    vi: 'mỗi id chuyên gia phải là chuỗi không rỗng',
  },
  'workflow.nonEmptyList': {
    en: 'must be a non-empty list of non-empty strings',
    vi: 'phải là danh sách không rỗng gồm các chuỗi không rỗng',
  },
  'workflow.nonEmptyString': { en: 'must be a non-empty string', vi: 'phải là chuỗi không rỗng' },
  'workflow.expertIdsArray': {
    en: 'must be an array of expert user ids',
    vi: 'phải là mảng id người dùng chuyên gia',
  },
  'workflow.documentObject': {
    en: 'must be an object {issuer, title, issuedOn}',
    vi: 'phải là một đối tượng {issuer, title, issuedOn}',
  },
  'workflow.legalDocumentId': {
    en: 'must be the id (UUID) of a legal document',
    vi: 'phải là id (UUID) của một văn bản',
  },
  'workflow.notAfterEffective': {
    en: 'must not be after effectiveDate',
    vi: 'không được sau effectiveDate',
  },
  'workflow.approvedOrRejected': {
    en: 'must be "approved" or "rejected"',
    vi: 'phải là "approved" hoặc "rejected"',
  },
  'workflow.onlyOwner': {
    en: '{eventType} may be sent only by the agency that owns the regulation',
    vi: '{eventType} chỉ được gửi bởi cơ quan chủ trì quy định',
  },
  'time.noOffset': {
    en: 'date-time {value} has no time zone offset; add "Z" or e.g. "+07:00"',
    vi: 'thời điểm {value} không có múi giờ; hãy thêm "Z" hoặc ví dụ "+07:00"',
  },
  'time.date': {
    en: 'expected a date YYYY-MM-DD, got {value}',
    vi: 'cần một ngày dạng YYYY-MM-DD, nhận được {value}',
  },
  'time.validDate': {
    en: 'expected a valid date YYYY-MM-DD, got {value}',
    vi: 'cần một ngày hợp lệ dạng YYYY-MM-DD, nhận được {value}',
  },
  'time.dateTimeExample': {
    en: 'expected an ISO 8601 date-time such as 2026-12-31T17:00:00+07:00, got {value}',
    vi: 'cần một thời điểm theo ISO 8601, ví dụ 2026-12-31T17:00:00+07:00, nhận được {value}',
  },
  'time.dateTime': {
    en: 'expected an ISO 8601 date-time, got {value}',
    vi: 'cần một thời điểm theo ISO 8601, nhận được {value}',
  },
  'time.invalidOffset': {
    en: '{value} has an invalid offset',
    vi: '{value} có múi giờ không hợp lệ',
  },
  'time.invalidDateTime': {
    en: '{value} is not a valid date-time',
    vi: '{value} không phải thời điểm hợp lệ',
  },
  'workflow.warn.programmeEnd': {
    en: 'the consultation is open, but {why} the end of programme {code} ({endDate}): the plan cannot be decided within the programme',
    vi: 'đã mở lấy ý kiến, nhưng {why} ngày kết thúc chương trình {code} ({endDate}): phương án không thể được quyết định trong chương trình',
  },
  'workflow.warn.deadlinePast': {
    en: 'the implementation deadline {deadline} is already past: it is kept as given, and the implementation is overdue at once',
    vi: 'hạn thực thi {deadline} đã qua: hạn được giữ như đã nhập và việc thực thi bị tính là chậm ngay',
  },
  'workflow.notAccepted': {
    en: '{event} is not accepted in state {state}; accepted: {events}',
    vi: '{event} không được chấp nhận ở trạng thái "{state}"; các sự kiện được chấp nhận: {events}',
  },
  'workflow.notAcceptedShort': {
    en: '{event} is not accepted in state {state}',
    vi: '{event} không được chấp nhận ở trạng thái "{state}"',
  },
  'workflow.notEvent': {
    en: '{event} is not a workflow event; accepted in state {state}: {events}',
    vi: '{event} không phải sự kiện của quy trình; các sự kiện được chấp nhận ở trạng thái "{state}": {events}',
  },
  'workflow.staleVersion': {
    en: 'The regulation is at version {version}, not {ifMatch} (If-Match); read it again.',
    vi: 'Quy định đang ở phiên bản {version}, không phải {ifMatch} (If-Match); hãy đọc lại.',
  },
  'workflow.concurrentRead': {
    en: 'The regulation was changed by another request at the same moment; read it again and retry.',
    vi: 'Quy định vừa được một yêu cầu khác thay đổi cùng lúc; hãy đọc lại rồi thử lại.',
  },
  'workflow.concurrent': {
    en: 'The regulation was changed by another request at the same moment; retry.',
    vi: 'Quy định vừa được một yêu cầu khác thay đổi cùng lúc; hãy thử lại.',
  },
  'workflow.expertIds': { en: 'expertIds {message}', vi: 'expertIds {message}' },
  'workflow.expertUserId': {
    en: 'must be the id (UUID) of an expert user',
    vi: 'phải là id (UUID) của một chuyên gia',
  },
  'workflow.eventObject': {
    en: 'the event must be a JSON object',
    vi: 'sự kiện phải là một đối tượng JSON',
  },
  'workflow.experts.notActive': {
    en: 'must be active users with the role expert; not: {ids}',
    vi: 'phải là người dùng đang hoạt động có vai trò chuyên gia; không phải: {ids}',
  },
  'guard.deadlineFar': {
    en: 'deadline {field} must be at least {days} days after now (not before {earliest})',
    vi: 'hạn {field} phải cách hiện tại ít nhất {days} ngày (không trước {earliest})',
  },
  'guard.noRoundDeadline': {
    en: 'no {round} round deadline is set',
    vi: 'chưa đặt hạn của vòng {round}',
  },
  'guard.roundClosesAtDeadline': {
    en: 'the {round} round closes by itself only at its deadline {deadline}',
    vi: 'vòng {round} chỉ tự đóng khi đến hạn {deadline}',
  },
  'guard.review': {
    en: 'the review did not find the regulation necessary, legal and reasonable',
    vi: 'kết quả rà soát không xác định quy định là cần thiết, hợp pháp và hợp lý',
  },
  'guard.decisionApproved': {
    en: 'the decision did not approve the plan',
    vi: 'quyết định không phê duyệt phương án',
  },
  'guard.baselineComplete': {
    en: 'a complete baseline estimate is required',
    vi: 'cần có ước tính chi phí hiện hành đầy đủ',
  },
  'guard.planHasAction': {
    en: 'a simplification plan with an action (abolish, simplify or amend) is required',
    vi: 'cần có phương án cắt giảm, đơn giản hóa với một hình thức (bãi bỏ, đơn giản hóa hoặc sửa đổi)',
  },
  'guard.proposedEstimate': {
    en: 'a proposed cost estimate is required unless the plan abolishes the regulation',
    vi: 'cần có ước tính chi phí đề xuất, trừ khi phương án bãi bỏ quy định',
  },
  'guard.expertInvited': {
    en: 'at least one expert must be invited',
    vi: 'phải mời ít nhất một chuyên gia',
  },
  'guard.expertRoundEarlyOne': {
    en: 'the expert round can close early only when every invited expert has given feedback ({n} has not)',
    vi: 'vòng chuyên gia chỉ đóng sớm được khi mọi chuyên gia được mời đã góp ý ({n} người chưa góp ý)',
  },
  'guard.expertRoundEarly': {
    en: 'the expert round can close early only when every invited expert has given feedback ({n} have not)',
    vi: 'vòng chuyên gia chỉ đóng sớm được khi mọi chuyên gia được mời đã góp ý ({n} người chưa góp ý)',
  },
  'guard.timerCycle': {
    en: 'this timer belongs to consultation cycle {cycle}; the current cycle is {current}',
    vi: 'bộ hẹn giờ này thuộc lần lấy ý kiến {cycle}; lần hiện tại là {current}',
  },
  'guard.allAnswered': {
    en: 'every feedback item of this cycle must be answered before submitting ({n} unanswered)',
    vi: 'mọi ý kiến của lần lấy ý kiến này phải được trả lời trước khi trình ({n} ý kiến chưa trả lời)',
  },
  'guard.noImplementationDeadline': {
    en: 'no implementation deadline is set',
    vi: 'chưa đặt hạn thực thi',
  },
  'guard.deadlineNotPassed': {
    en: 'the implementation deadline {deadline} has not passed yet',
    vi: 'hạn thực thi {deadline} chưa qua',
  },
  'guard.notImplementation': { en: 'not an implementation', vi: 'không phải sự kiện thực thi' },
  'guard.amendmentEffective': {
    en: 'the amendment takes effect on {date}',
    vi: 'văn bản sửa đổi có hiệu lực từ ngày {date}',
  },
  'guard.noAmendment': { en: 'no amendment is recorded', vi: 'chưa ghi nhận văn bản sửa đổi nào' },
} as const;
