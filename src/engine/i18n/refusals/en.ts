/**
 * The engine's refusals in English: what a 400, 403, 404 or 409 says to an operator (ICU
 * messages, formatted by say()). Korean is ko.ts, typed by this file. Configuration and
 * doctor output are for whoever runs the server and stay English, outside these catalogs.
 */
const en = {
  resources: {
    notFound: 'Domain "{domain}" has no resource "{name}".',
  },
};

export type Refusals = typeof en;
export default en;
