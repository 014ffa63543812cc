import type { Refusals } from './en';
import values from './values.ko';

/** The engine's refusals in Korean: the same keys and ICU arguments as en.ts (the type and tests/i18n/refusals.test.ts check both). */
const ko: Refusals = {
  resources: {
    notFound: '"{domain}" 도메인에 "{name}" 리소스가 없습니다.',
  },
  list: {
    invalidParams: '요청의 매개변수가 올바르지 않습니다.',
    countMode: 'none, estimate, exact 중 하나여야 합니다(생략하면 비용이 적을 때는 exact, 아니면 추정치). "{raw}"은(는) 사용할 수 없습니다',
    givenTwice: '두 번 이상 지정되었습니다',
    tooManySorts: '정렬 기준은 최대 {max}개 열까지입니다({given}개 지정됨)',
    emptySortColumn: '빈 열 이름이 있습니다. 열 이름은 쉼표 하나로 구분하세요',
    notSortable: '{count, plural, other {{names}은(는) 정렬할 수 있는 열이 아닙니다}}. 다음 중 하나를 사용하세요: {sortable} (내림차순은 앞에 - 붙이기)',
    namesAnd: '{head} 및 {last}',
    sortRepeated: '{names}이(가) 두 번 이상 지정되었습니다. 각 열은 한 번만 정렬 기준으로 쓸 수 있습니다',
    notAColumn: '"{name}"은(는) {resource}의 열이 아닙니다',
    trueOrFalse: 'true 또는 false여야 합니다',
    notFilterable: '{column}(으)로는 필터링할 수 없습니다',
    noRangeFilter: '{column}에는 범위 필터가 없습니다',
    unstorable: '데이터베이스 텍스트에 저장할 수 없는 문자(NUL 또는 UTF-16 쌍의 절반)가 있습니다',
    searchTooLong: '{max}자를 넘습니다',
    notSearchable: '{resource}에는 검색할 수 있는 열이 없습니다',
    pageSize: '1부터 {max}까지의 정수여야 합니다',
    page: '1 이상의 정수여야 합니다',
    onePosition: 'after, before, page 중 하나만 사용하세요',
    badCursor: '올바른 커서가 아닙니다. 첫 페이지부터 다시 시작하세요',
    badCursorForSort: '이 정렬에 맞는 커서가 아닙니다. 첫 페이지부터 다시 시작하세요',
    unknownColumns: '알 수 없는 열: {names}',
    trashFlag: '1이거나 생략해야 합니다',
    noTrash: '{resource}에는 휴지통이 없습니다',
    notListParam: '목록 매개변수가 아닙니다',
    noReferrer: '읽을 수 있는 항목 중 "{name}"(으)로 {resource}을(를) 참조하는 것이 없습니다',
    noReferrerKnown: '읽을 수 있는 항목 중 "{name}"(으)로 {resource}을(를) 참조하는 것이 없습니다. 다음 중 하나를 사용하세요: {known}',
    jsonNotComparable: 'json 열은 비교할 수 없습니다',
    arrayNotComparable: '배열 열은 비교할 수 없습니다',
    bytesNotComparable: '바이너리 열은 비교할 수 없습니다',
    notBoolean: '"{raw}"은(는) true나 false가 아닙니다',
    notOption: '"{raw}"은(는) {options} 중 하나가 아닙니다',
    notUuid: '"{raw}"은(는) UUID가 아닙니다',
    valueTooLong: '값이 너무 깁니다',
  },
  values,
};

export default ko;
