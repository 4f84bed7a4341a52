/** Compliance cost (chi phí tuân thủ): estimates, parameter sets and plans. */
export const COSTING_MESSAGES = {
  'cost.requiredList': {
    en: 'is required (may be an empty list)',
    vi: 'là bắt buộc (có thể là danh sách rỗng)',
  },
  'cost.maxActivities': {
    en: 'must have at most {max} activities',
    vi: 'có tối đa {max} hoạt động',
  },
  'cost.notLessThan': { en: 'must not be less than {other}', vi: 'không được nhỏ hơn {other}' },
  'cost.notExceed': { en: 'must not exceed {max}', vi: 'không được vượt quá {max}' },
  'cost.annualNegative': {
    en: '{name} annual cost must not be negative',
    vi: 'chi phí hằng năm {name} không được âm',
  },
  'cost.incomeOrRate': {
    en: 'either annualIncomePerCapita or hourlyRate is required',
    vi: 'cần có annualIncomePerCapita hoặc hourlyRate',
  },
  'cost.notBoth': {
    en: 'give either hourlyRate or annualIncomePerCapita, not both',
    vi: 'chỉ ghi hourlyRate hoặc annualIncomePerCapita, không ghi cả hai',
  },
  'number.tooLargeJson': {
    en: 'is too large for a JSON number; send it as a decimal string',
    vi: 'quá lớn đối với số JSON; hãy gửi dưới dạng chuỗi số thập phân',
  },
  'number.tooLong': { en: 'is too long', vi: 'quá dài' },
  'number.finite': { en: 'must be a finite number', vi: 'phải là số hữu hạn' },
  'number.plainDecimal': {
    en: 'must be a plain decimal number such as 12 or 12.5',
    vi: 'phải là số thập phân thông thường, ví dụ 12 hoặc 12.5',
  },
  'number.notNegative': { en: 'must not be negative', vi: 'không được âm' },
  'number.numberOrString': {
    en: 'must be a number or a decimal string',
    vi: 'phải là số hoặc chuỗi số thập phân',
  },
  'number.positive': { en: 'must be greater than zero', vi: 'phải lớn hơn 0' },
  'number.decimalPlaces': {
    en: 'must have at most {places} decimal places',
    vi: 'có tối đa {places} chữ số thập phân',
  },
  'number.wholeNumber': { en: 'must be a whole number', vi: 'phải là số nguyên' },
  'number.positiveInteger': { en: 'must be a positive integer', vi: 'phải là số nguyên dương' },
  'estimate.noneToRevise': {
    en: 'There is no {kind} estimate to revise; enter one first.',
    vi: 'Chưa có ước tính {kind} để sửa; hãy nhập ước tính trước.',
  },
  'estimate.parameterSetId': {
    en: 'must be the id (a UUID) of a cost-parameter set',
    vi: 'phải là id (UUID) của một bộ tham số chi phí',
  },
  'estimate.noParameterSet': {
    en: 'no cost-parameter set has this id',
    vi: 'không có bộ tham số chi phí nào có id này',
  },
  'parameterSet.exists': {
    en: 'A cost-parameter set for {year} already exists; edit it instead.',
    vi: 'Đã có bộ tham số chi phí năm {year}; hãy sửa bộ đó.',
  },
  'parameterSet.noSuch': {
    en: 'No such cost-parameter set.',
    vi: 'Không tìm thấy bộ tham số chi phí.',
  },
  'parameterSet.inUse': {
    en: 'The cost-parameter set {year} is used by {estimates} current estimate(s) and {versions} estimate version(s); it cannot be deleted.',
    vi: 'Bộ tham số chi phí năm {year} đang được dùng cho {estimates} ước tính hiện hành và {versions} phiên bản ước tính; không thể xóa.',
  },
  'parameterSet.existsField': {
    en: 'a set for {year} already exists',
    vi: 'đã có bộ tham số năm {year}',
  },
  'plan.none': { en: 'This regulation has no plan yet.', vi: 'Quy định này chưa có phương án.' },
  'plan.noProgrammeCode': {
    en: 'no programme has the code {code}',
    vi: 'không có chương trình nào có mã {code}',
  },
  'plan.noProgrammeToday': {
    en: 'no programme runs on {today}; name the programme of this plan by its code (e.g. {codes})',
    vi: 'không có chương trình nào đang thực hiện vào ngày {today}; hãy ghi mã chương trình của phương án (ví dụ {codes})',
  },
  'cost.notCostField': {
    en: 'is not a cost field of an estimate',
    vi: 'không phải một trường chi phí của ước tính',
  },
  'cost.activityCount': { en: 'the estimate has {n} activities', vi: 'ước tính có {n} hoạt động' },
  'cost.planOnlyIn': {
    en: 'The plan can only be changed in {states}; this regulation is in {state}.',
    vi: 'Chỉ sửa được phương án ở trạng thái {states}; quy định đang ở trạng thái "{state}".',
  },
  'cost.estimateOnlyIn': {
    en: 'The {kind} estimate can only be changed in {states}; this regulation is in {state}.',
    vi: 'Chỉ sửa được ước tính {kind} ở trạng thái {states}; quy định đang ở trạng thái "{state}".',
  },
  'cost.versionNone': {
    en: 'If-Match: {expected} was given but there is no {what} yet.',
    vi: 'Đã gửi If-Match: {expected} nhưng chưa có {what}.',
  },
  'cost.versionStale': {
    en: 'The {what} is at version {current}, not {expected}; reload it and try again.',
    vi: '{what} đang ở phiên bản {current}, không phải {expected}; hãy tải lại rồi thử lại.',
  },
  'cost.kind.baseline': { en: 'baseline', vi: 'hiện hành' },
  'cost.kind.proposed': { en: 'proposed', vi: 'đề xuất' },
} as const;
