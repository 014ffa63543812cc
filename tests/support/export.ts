import type { ResourceExport } from '../../src/engine/export/export-resource';

/** Reads an engine export to its end, as the HTTP door would, and returns its text. */
export async function drain(exported: ResourceExport): Promise<string> {
  const chunks: Buffer[] = [];
  for (let chunk = await exported.read(); chunk !== null; chunk = await exported.read()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
