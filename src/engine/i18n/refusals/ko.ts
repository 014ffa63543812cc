import type { Refusals } from './en';

/** The engine's refusals in Korean: the same keys and ICU arguments as en.ts (the type and tests/i18n/refusals.test.ts check both). */
const ko: Refusals = {
  resources: {
    notFound: '"{domain}" 도메인에 "{name}" 리소스가 없습니다.',
  },
};

export default ko;
