// Version-independent (vitest.config.ts): pure: a lint rule.
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { noUntranslatedText } from '../../eslint/no-untranslated-text.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });

// The lint rule that keeps translated parts of the UI free of words of their own (issue 20).
tester.run('no-untranslated-text', noUntranslatedText, {
  valid: [
    { code: "<p>{t('prompt')}</p>" },
    { code: "<input placeholder={t('filter')} aria-label={t('label')} />" },
    { code: '<div className="flex gap-2" data-testid="sign-out" />' },
    { code: '<p>{count} · {name}</p>' },
    { code: '<p>Admin Hub</p>', options: [{ allowed: ['Admin Hub'] }] },
    { code: '<span>: </span>' },
  ],
  invalid: [
    { code: '<p>Sign in to continue.</p>', errors: [{ messageId: 'text' }] },
    { code: '<p>로그인</p>', errors: [{ messageId: 'text' }] },
    { code: '<button aria-label="Close navigation" />', errors: [{ messageId: 'attribute' }] },
    { code: "<input placeholder={'Filter…'} />", errors: [{ messageId: 'attribute' }] },
    { code: "<p>{'Sign in'}</p>", errors: [{ messageId: 'text' }] },
    { code: '<img alt="Logo" title="Home" />', errors: [{ messageId: 'attribute' }, { messageId: 'attribute' }] },
  ],
});
