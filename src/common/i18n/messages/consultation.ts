/** Consultation (lấy ý kiến): feedback, answers and attachments. */
export const CONSULTATION_MESSAGES = {
  'attachment.max': {
    en: 'An item carries at most {max} attachments.',
    vi: 'Mỗi ý kiến có tối đa {max} tệp đính kèm.',
  },
  'attachment.closed': {
    en: 'No more attachments: {closed}.',
    vi: 'Không nhận thêm tệp đính kèm: {closed}.',
  },
  'attachment.noSuch': { en: 'No such attachment.', vi: 'Không tìm thấy tệp đính kèm.' },
  'attachment.onlyAuthor': {
    en: 'Only the author of an item attaches files to it.',
    vi: 'Chỉ người gửi ý kiến mới được đính kèm tệp.',
  },
  'attachment.field': {
    en: 'attach the file as the multipart field "file"',
    vi: 'hãy đính kèm tệp trong trường multipart "file"',
  },
  'attachment.file': { en: 'The file {message}.', vi: 'Tệp {message}.' },
  'attachment.oneFile': {
    en: 'send one file as the multipart field "file" ({reason})',
    vi: 'hãy gửi một tệp trong trường multipart "file" ({reason})',
  },
  'feedback.evidenceEmpty': {
    en: 'give at least one of subjects, frequencyPerYear, hours, amount, note (or leave it out)',
    vi: 'hãy ghi ít nhất một trong subjects, frequencyPerYear, hours, amount, note (hoặc bỏ trống cả mục)',
  },
  'feedback.estimateRequired': {
    en: 'is required for a cost_field and must be one of {values}',
    vi: 'là bắt buộc với cost_field và phải là một trong {values}',
  },
  'feedback.fieldRequired': {
    en: 'is required for a cost_field; it must name a field of the estimate: hiredServices, feesAndCharges, otherCosts, frequencyPerYear, subjectsPerYear (or their Low/High), or activities[i].hours',
    vi: 'là bắt buộc với cost_field; phải là một trường của ước tính: hiredServices, feesAndCharges, otherCosts, frequencyPerYear, subjectsPerYear (hoặc Low/High của chúng), hoặc activities[i].hours',
  },
  'feedback.fieldName': {
    en: 'must name a field of the estimate: hiredServices, feesAndCharges, otherCosts, frequencyPerYear, subjectsPerYear (or their Low/High), or activities[i].hours',
    vi: 'phải là một trường của ước tính: hiredServices, feesAndCharges, otherCosts, frequencyPerYear, subjectsPerYear (hoặc Low/High của chúng), hoặc activities[i].hours',
  },
  'feedback.targetObject': {
    en: 'must be an object {kind, estimate?, field?}',
    vi: 'phải là một đối tượng {kind, estimate?, field?}',
  },
  'feedback.onlyCostField': {
    en: 'only a target of kind cost_field names an estimate and a field',
    vi: 'chỉ đối tượng góp ý loại cost_field mới ghi ước tính và trường',
  },
  'feedback.noField': { en: 'the estimate gives no {field}', vi: 'ước tính không có {field}' },
  'feedback.activityOne': {
    en: 'the estimate has {n} activity (activities[0]…activities[{last}])',
    vi: 'ước tính có {n} hoạt động (activities[0]…activities[{last}])',
  },
  'feedback.activities': {
    en: 'the estimate has {n} activities (activities[0]…activities[{last}])',
    vi: 'ước tính có {n} hoạt động (activities[0]…activities[{last}])',
  },
  'answer.rejectedNoReEstimate': {
    en: 'a rejected item does not change the estimate; leave reEstimate out',
    vi: 'ý kiến không tiếp thu không làm thay đổi ước tính; hãy bỏ reEstimate',
  },
  'answer.reEstimateRequired': {
    en: 'is required when accepting an item that disputes {estimate} {field}: the re-estimated value becomes a new version of the estimate',
    vi: 'là bắt buộc khi tiếp thu ý kiến phản biện {field} của ước tính {estimate}: giá trị ước tính lại trở thành phiên bản mới của ước tính',
  },
  'answer.valueObject': { en: 'must be an object {value}', vi: 'phải là một đối tượng {value}' },
  'answer.onlyCostField': {
    en: 'only an item that disputes a cost field carries a re-estimated value',
    vi: 'chỉ ý kiến phản biện một trường chi phí mới có giá trị ước tính lại',
  },
  'feedback.closed': { en: 'No more feedback: {closed}.', vi: 'Không nhận thêm ý kiến: {closed}.' },
  'feedback.ownOnly': {
    en: 'only your own items are listed here; the items of a regulation are at GET /regulations/:id/feedback',
    vi: 'ở đây chỉ liệt kê ý kiến của bạn; ý kiến về một quy định có tại GET /regulations/:id/feedback',
  },
  'feedback.noPlan': { en: 'this regulation has no plan', vi: 'quy định này chưa có phương án' },
  'feedback.noEstimateProposed': {
    en: 'this regulation has no proposed estimate (its plan may abolish it)',
    vi: 'quy định này không có ước tính đề xuất (phương án có thể bãi bỏ quy định)',
  },
  'feedback.noEstimate': {
    en: 'this regulation has no {kind} estimate',
    vi: 'quy định này không có ước tính {kind}',
  },
  'feedback.alreadyHidden': {
    en: 'This comment is already hidden.',
    vi: 'Góp ý này đã bị ẩn.',
  },
  'feedback.noSuch': { en: 'No such feedback.', vi: 'Không tìm thấy ý kiến.' },
  'consultation.noSuchRound': {
    en: 'No such consultation round.',
    vi: 'Không tìm thấy vòng lấy ý kiến.',
  },
  'answer.onlyResponding': {
    en: 'Feedback is answered while the regulation is in responding; it is in {state}.',
    vi: 'Chỉ trả lời ý kiến khi quy định ở trạng thái "Tiếp thu, giải trình"; quy định đang ở trạng thái "{state}".',
  },
  'answer.submitted': {
    en: 'The answers of this consultation were submitted to the Government Office on {at}; they can no longer change.',
    vi: 'Các câu trả lời của đợt lấy ý kiến này đã được trình Văn phòng Chính phủ lúc {at}; không thể thay đổi nữa.',
  },
  'answer.oldCycle': {
    en: 'This item belongs to consultation cycle {cycle}; the plan has since been consulted again (cycle {current}).',
    vi: 'Ý kiến này thuộc lần lấy ý kiến {cycle}; phương án sau đó đã được lấy ý kiến lại (lần {current}).',
  },
  'answer.changedSince': {
    en: '{estimate} {field} is now {current}, not the {previous} this answer set; correct the answer that changed it last first.',
    vi: '{field} của ước tính {estimate} hiện là {current}, không phải {previous} do câu trả lời này đặt; hãy sửa câu trả lời thay đổi nó gần nhất trước.',
  },
} as const;
