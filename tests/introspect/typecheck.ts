import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Type-checks `source` as if it were a file of the project: written under
 * src/admin/resources (so '@/…' paths and the project's strict options apply), checked with
 * the compiler options of tsconfig.json, deleted again. Returns that file's diagnostics
 * only, so concurrent edits elsewhere in the project cannot fail the caller.
 */
export function typecheckInProject(source: string): string[] {
  const dir = path.join(PROJECT_ROOT, 'src', 'admin', 'resources');
  const createdDir = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `__introspect_test_${randomBytes(5).toString('hex')}.ts`);
  writeFileSync(file, source);
  try {
    const { config, error } = ts.readConfigFile(path.join(PROJECT_ROOT, 'tsconfig.json'), ts.sys.readFile);
    if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, PROJECT_ROOT);
    // incremental needs a build-info file; a one-off check has no use for one.
    const program = ts.createProgram({ rootNames: [file], options: { ...parsed.options, incremental: false, noEmit: true } });
    const sourceFile = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map((d) => {
      const { line } = d.start === undefined ? { line: -1 } : sourceFile.getLineAndCharacterOfPosition(d.start);
      return `line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  } finally {
    rmSync(file, { force: true });
    if (createdDir) {
      try {
        rmdirSync(dir); // only if still empty: someone may have put a real file there meanwhile
      } catch {
        /* not empty: leave it */
      }
    }
  }
}
