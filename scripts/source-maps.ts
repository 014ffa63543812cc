/**
 * Imported first by scripts/start.ts, before Next.js loads: a production hub runs without
 * Node's source maps unless asked for them.
 *
 * tsx turns them on for the whole process, and Node then reads and keeps in memory, for every
 * module it loads, the source map the module names, original sources included: Next.js ships
 * one with each of its own files, and the build's server chunks have theirs. That was about
 * 28 MB of the hub's resident memory, for stack traces alone (README, Performance).
 * NODE_OPTIONS=--enable-source-maps keeps them (stack traces then name the lines of the .ts
 * sources, not of tsx's JavaScript for them); `npm run dev` always has them.
 */
const asked = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--enable-source-maps');
if (!process.argv.includes('--dev') && !asked) process.setSourceMapsEnabled(false);
