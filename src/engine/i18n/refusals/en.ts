import values from './values.en';

/**
 * The engine's refusals in English: what a 400, 403, 404 or 409 says to an operator (ICU
 * messages, formatted by say()). Korean is ko.ts, typed by this file. Configuration and
 * doctor output are for whoever runs the server and stay English, outside these catalogs.
 * One namespace per part of the engine; `values` (field errors of the value model) has its
 * own file because the browser runs it too (engine/i18n/words.ts).
 */
const en = {
  resources: {
    notFound: 'Domain "{domain}" has no resource "{name}".',
  },
  list: {
    invalidParams: 'The request has invalid parameters.',
    countMode: 'must be none, estimate or exact (or absent: exact when cheap, else an estimate), not "{raw}"',
    givenTwice: 'is given more than once',
    tooManySorts: 'sorts by at most {max} columns ({given} given)',
    emptySortColumn: 'has an empty column name; separate columns by single commas',
    notSortable:
      '{count, plural, one {{names} is not a sortable column} other {{names} are not sortable columns}}; use one of: {sortable} (prefix - for descending)',
    namesAnd: '{head} and {last}',
    sortRepeated: 'names {names} more than once; sort by each column once',
    notAColumn: '"{name}" is not a column of {resource}',
    trueOrFalse: 'must be true or false',
    notFilterable: '{column} cannot be filtered',
    noRangeFilter: '{column} has no range filter',
    unstorable: 'contains a character no database text can hold (NUL, or half of a UTF-16 pair)',
    searchTooLong: 'is longer than {max} characters',
    notSearchable: '{resource} has no searchable columns',
    pageSize: 'must be a whole number from 1 to {max}',
    page: 'must be a whole number from 1',
    onePosition: 'use only one of after, before and page',
    badCursor: 'is not a valid cursor; start again from the first page',
    badCursorForSort: 'is not a valid cursor for this sort; start again from the first page',
    unknownColumns: 'unknown column(s): {names}',
    trashFlag: 'must be 1 or absent',
    noTrash: '{resource} has no trash',
    notListParam: 'is not a list parameter',
    noReferrer: 'nothing you may read refers to {resource} as "{name}"',
    noReferrerKnown: 'nothing you may read refers to {resource} as "{name}"; use one of: {known}',
    jsonNotComparable: 'json columns cannot be compared',
    arrayNotComparable: 'array columns cannot be compared',
    bytesNotComparable: 'binary columns cannot be compared',
    notBoolean: '"{raw}" is not true or false',
    notOption: '"{raw}" is not one of {options}',
    notUuid: '"{raw}" is not a UUID',
    valueTooLong: 'value is too long',
  },
  values,
};

export type Refusals = typeof en;
export default en;
