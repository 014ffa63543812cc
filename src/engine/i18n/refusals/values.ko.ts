import type { ValueRefusals } from './values.en';

/** The value model's field errors in Korean: the same keys and ICU arguments as values.en.ts. */
const values: ValueRefusals = {
  required: '필수 항목입니다.',
  nul: '텍스트에 NUL 문자(\\0)를 넣을 수 없습니다. PostgreSQL은 이 문자를 저장하지 않습니다.',
  loneSurrogate: '텍스트에 깨진 문자(UTF-16 쌍의 절반)가 있습니다. 그대로 저장하면 �로 바뀝니다.',
  tooLong: '최대 {limit}자까지 입력할 수 있습니다.',
  notEmail: '이메일 주소가 아닙니다.',
  notUuid: 'UUID가 아닙니다.',
  oneOf: '다음 중 하나여야 합니다: {options}.',
  computed: '다른 필드에서 계산되는 필드이므로 직접 입력할 수 없습니다.',
  notWritable: '이 필드는 입력할 수 없습니다.',
  notWhole: '"{raw}"은(는) 정수가 아닙니다(숫자만, 음수는 빼기 기호를 붙여 입력하세요).',
  notCents: '"{raw}"은(는) 센트 단위의 정수가 아닙니다(숫자만, 음수는 빼기 기호를 붙여 입력하세요).',
  outsideRange: '{raw}은(는) {min}부터 {max}까지의 범위를 벗어납니다.',
  notNumber: '"{raw}"은(는) 숫자가 아닙니다(예: 12, -3.5, 1.2e-7).',
  tooManyDigits: '이 열에 넣기에는 너무 큰 값입니다. 소수점 앞에는 최대 {limit}자리까지 넣을 수 있습니다.',
  tooManyDigitsKeeps: '이 열에 넣기에는 너무 큰 값입니다. 소수점 앞에는 최대 {limit}자리까지 넣을 수 있습니다(소수점 아래 {scale}자리 유지).',
  belowPower: '이 열에 넣기에는 너무 큰 값입니다. 1e{limit}보다 작은 숫자만 넣을 수 있습니다.',
  noInfinity: '이 열은 자릿수가 정해져 있어 무한대(infinity)를 넣을 수 없습니다.',
  notDateTime: '"{raw}"은(는) 2025-01-31T12:00:00Z 같은 날짜와 시간(ISO 8601, 소수점 아래 최대 6자리, +02:00이나 Z 같은 오프셋) 또는 infinity가 아닙니다.',
  notTimestamp: '"{raw}"은(는) 2025-01-31 12:00:00 같은 날짜와 시간(소수점 아래 최대 6자리, 시간대 없음) 또는 infinity가 아닙니다.',
  notDate: '"{raw}"은(는) 2025-01-31 같은 날짜가 아닙니다.',
  notCalendarDay: '"{raw}"은(는) 달력에 있는 날짜가 아닙니다.',
  outsideDates: '"{raw}"은(는) PostgreSQL이 저장할 수 있는 날짜(기원전 4713년부터 서기 294276년까지)를 벗어납니다.',
  notTimeOfDay: '"{raw}"은(는) 올바른 시각(00:00:00부터 23:59:59까지)이 아닙니다.',
  offsetRange: '"{raw}"의 오프셋이 -15:59부터 +15:59까지의 범위를 벗어납니다.',
  hasTimeZone: '"{raw}"에 시간대({offset})가 있지만 이 열은 시간대 없는 날짜와 시간을 저장합니다. 현지 시각만 입력하세요.',
  notJson: '올바른 JSON이 아닙니다.',
  notJsonArray: 'JSON 배열이 아닙니다. ["a", null, "b"]처럼 입력하거나 한 줄에 항목 하나씩 입력하세요.',
  arrayItems: '각 항목은 JSON 문자열이나 null(숫자는 따옴표로 감싸세요: ["1", "2"]), 또는 그런 항목의 배열이어야 합니다.',
  arrayRectangular: '중첩된 배열은 모두 길이가 같아야 합니다(PostgreSQL 배열은 직사각형입니다).',
  notBytes: '바이트가 아닙니다. \\x0a1b처럼 16진수(바이트당 두 자리)로 입력하거나 파일을 올리세요.',
  bytesTooLarge: '너무 큽니다({size}). 폼에서는 최대 {max}까지 저장할 수 있습니다.',
};

export default values;
