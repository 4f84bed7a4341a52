/**
 * DTO validation (class-validator): one entry per constraint name, `validation.<constraint>`,
 * whose `en` is class-validator's default message. A DTO's own message has its own entry.
 */
export const VALIDATION_MESSAGES = {
  'validation.whitelistValidation': {
    en: 'property {property} should not exist',
    vi: 'trường {property} không được phép có',
  },
  'validation.isNotEmpty': {
    en: '{property} should not be empty',
    vi: '{property} không được để trống',
  },
  'validation.isDefined': {
    en: '{property} should not be null or undefined',
    vi: '{property} không được là null hoặc thiếu',
  },
  'validation.isInt': {
    en: '{property} must be an integer number',
    vi: '{property} phải là số nguyên',
  },
  'validation.isNumber': {
    en: '{property} must be a number conforming to the specified constraints',
    vi: '{property} phải là số đúng các ràng buộc đã định',
  },
  'validation.isNumberString': {
    en: '{property} must be a number string',
    vi: '{property} phải là chuỗi số',
  },
  'validation.isPositive': {
    en: '{property} must be a positive number',
    vi: '{property} phải là số dương',
  },
  'validation.min': {
    en: '{property} must not be less than {min}',
    vi: '{property} không được nhỏ hơn {min}',
  },
  'validation.max': {
    en: '{property} must not be greater than {max}',
    vi: '{property} không được lớn hơn {max}',
  },
  'validation.isUuid': { en: '{property} must be a UUID', vi: '{property} phải là một UUID' },
  'validation.each.isUuid': {
    en: 'each value in {property} must be a UUID',
    vi: 'mỗi giá trị trong {property} phải là một UUID',
  },
  'validation.isString': {
    en: '{property} must be a string',
    vi: '{property} phải là chuỗi ký tự',
  },
  'validation.each.isString': {
    en: 'each value in {property} must be a string',
    vi: 'mỗi giá trị trong {property} phải là chuỗi ký tự',
  },
  'validation.isBoolean': {
    en: '{property} must be a boolean value',
    vi: '{property} phải là giá trị đúng/sai (true/false)',
  },
  'validation.isIn': {
    en: '{property} must be one of the following values: {values}',
    vi: '{property} phải là một trong các giá trị sau: {values}',
  },
  'validation.each.isIn': {
    en: 'each value in {property} must be one of the following values: {values}',
    vi: 'mỗi giá trị trong {property} phải là một trong các giá trị sau: {values}',
  },
  'validation.isEmail': {
    en: '{property} must be an email',
    vi: '{property} phải là địa chỉ thư điện tử',
  },
  'validation.isUrl': {
    en: '{property} must be a URL address',
    vi: '{property} phải là một địa chỉ URL',
  },
  'validation.maxLength': {
    en: '{property} must be shorter than or equal to {max} characters',
    vi: '{property} tối đa {max} ký tự',
  },
  'validation.minLength': {
    en: '{property} must be longer than or equal to {min} characters',
    vi: '{property} phải có ít nhất {min} ký tự',
  },
  'validation.length': {
    en: '{property} must be longer than or equal to {min} and shorter than or equal to {max} characters',
    vi: '{property} phải có từ {min} đến {max} ký tự',
  },
  'validation.isArray': { en: '{property} must be an array', vi: '{property} phải là một mảng' },
  'validation.arrayMinSize': {
    en: '{property} must contain at least {min} elements',
    vi: '{property} phải có ít nhất {min} phần tử',
  },
  'validation.arrayMaxSize': {
    en: '{property} must contain no more than {max} elements',
    vi: '{property} có tối đa {max} phần tử',
  },
  'validation.arrayUnique': {
    en: "All {property}'s elements must be unique",
    vi: 'Các phần tử của {property} không được trùng nhau',
  },
  'validation.isIso8601': {
    en: '{property} must be a valid ISO 8601 date string',
    vi: '{property} phải là ngày theo chuẩn ISO 8601',
  },
  'validation.isDateString': {
    en: '{property} must be a valid ISO 8601 date string',
    vi: '{property} phải là ngày theo chuẩn ISO 8601',
  },
  'validation.matches': {
    en: '{property} must match {pattern} regular expression',
    vi: '{property} phải khớp biểu thức chính quy {pattern}',
  },
  'validation.isObject': {
    en: '{property} must be an object',
    vi: '{property} phải là một đối tượng',
  },
  'validation.nestedValidation': {
    en: 'nested property {property} must be either object or array',
    vi: 'trường lồng {property} phải là đối tượng hoặc mảng',
  },
  'validation.isEnum': {
    en: '{property} must be one of the following values: {values}',
    vi: '{property} phải là một trong các giá trị sau: {values}',
  },
} as const;
