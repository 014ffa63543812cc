import path from 'node:path';
import ts from 'typescript';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Type-checks `source` as if it were a file of the project under src/admin/resources (so
 * '@/…' paths and the project's strict options apply), with the compiler options of
 * tsconfig.json. The file exists only in the compiler's memory: writing it there would touch
 * the source tree, make the production build look stale, and have the suite rebuild `.next`
 * under a hub a developer is running from the same checkout. Returns that file's diagnostics.
 */
export function typecheckInProject(source: string): string[] {
  const file = path.join(PROJECT_ROOT, 'src', 'admin', 'resources', '__introspect_check__.ts');
  const { config, error } = ts.readConfigFile(path.join(PROJECT_ROOT, 'tsconfig.json'), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, PROJECT_ROOT);
  // incremental needs a build-info file; a one-off check has no use for one.
  const options = { ...parsed.options, incremental: false, noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) =>
    path.resolve(name) === file ? ts.createSourceFile(name, source, languageVersion, true) : getSourceFile(name, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : readFile(name));
  host.writeFile = () => undefined;
  // With src/admin/domains.ts, which tells the engine's types the known domains (as the whole project does).
  const program = ts.createProgram({ rootNames: [file, path.join(PROJECT_ROOT, 'src', 'admin', 'domains.ts')], options, host });
  const sourceFile = program.getSourceFile(file)!;
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map((d) => {
    const { line } = d.start === undefined ? { line: -1 } : sourceFile.getLineAndCharacterOfPosition(d.start);
    return `line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
