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
  access: {
    signIn: 'Sign in to continue.',
    forbidden: 'You do not have access to this.',
    subject: '{title} in {domain}',
    refused:
      'You may not {action, select, read {view} export {export} create {create} update {edit} delete {delete} restore {restore} hardDelete {permanently delete} bulk {run bulk actions on} internal {run internal actions on} other {use}} {subject}: that needs the {role} role.',
    customAction: 'You may not run “{label}” on {subject}: that needs the {role} role.',
    domainInternal: 'You may not run internal actions in {domain}: that needs the {role} role.',
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
  records: {
    notFound: 'This {title} does not exist (any more).',
    keylessRow: 'Rows of {title} have no key, so none has a page of its own: find them in the list.',
    auditEntryNotFound: 'This audit entry does not exist (any more).',
    actionNotFound: 'This action "{name}" does not exist (any more).',
    invalidFields: 'Some fields are not valid.',
    conflict: 'Someone else changed this record after you opened it.',
    ambiguous:
      'This id matches more than one row of {title}, so it does not name one record; nothing was changed. Its key columns are not unique: give the resource a unique key.',
    deadlock: 'Nothing was saved: it deadlocked with another change to the same rows. Try again.',
    serialization: 'Nothing was saved: another transaction changed the same rows at the same time. Try again.',
    lockTimeout: 'Nothing was saved: another change held a lock on these rows for too long. Try again.',
    privilege: "The hub's database user for this domain is not allowed to change {what}: a database administrator must GRANT it the privilege.",
    alreadyUsed: 'This {what} is already used.',
    combinationUsed: 'This combination of {what} is already used.',
    namesAnd: '{head} and {last}',
    stillReferenced: 'Other rows still refer to this one. Remove or change them first.',
    stillReferencedIn: 'Other rows still refer to this one (in {table}). Remove or change them first.',
    noSuchRow: 'No such {what}: it must name an existing row.',
    required: 'Required.',
    checkRule: 'Not allowed by the rule "{rule}".',
    tooLongAtMost: 'Too long: at most {limit} characters.',
    tooLong: 'Too long.',
    tooLarge: 'Too large for this column.',
    numberTooLarge: 'A number is too large for the column it goes in.',
    badFormat: 'A value is out of range or not in the expected format.',
    cannotHold: 'Not a value this column can hold.',
    readOnly: '{title} is read-only in the hub.',
    fieldLocked: 'You cannot change this field.',
    noSoftDelete: '{title} has no soft delete; an admin can delete rows for good.',
    typeToConfirm: 'Type {id} to confirm.',
    actionDone: '{action}: done.',
    refreshNeedsAdmin: 'Refreshing {title} needs the admin role in this domain.',
    notMaterialized: '{title} is not a materialized view: there is nothing to refresh.',
    noneInScope: 'No {title} are yours to work with, so nothing was saved.',
    scopeValue:
      '{label} must be {count, plural, one {{allowed}} other {one of {allowed}}}: you may only work with {title} of {count, plural, one {that} other {those}}, so nothing was saved.',
    scopeValues: '{label} must be one of the values you may work with, so nothing was saved.',
  },
  values,
};

export type Refusals = typeof en;
export default en;
