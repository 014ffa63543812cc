import { parseInput } from '@admin-hub/engine/records/input-schema';
import type { ClientResource } from '@admin-hub/engine/resources/define';
import type { Resource } from '@admin-hub/engine/resources/types';
import { inputOf, type FormValues } from './values';

// One schema resource per client resource, so the engine's schema cache holds across keystrokes.
const asSchemaResource = new WeakMap<ClientResource, Resource>();

/**
 * The browser runs the very schema the server runs (engine/records/input-schema.ts imports
 * only zod and types, so it is safe in a client bundle): every field's message at once,
 * and the server still checks everything again. Custom actions' functions never reach the
 * browser (toClientResource), and the schema does not read them.
 */
export function validatePayload(resource: ClientResource, mode: 'create' | 'update', payload: FormValues): Record<string, string> {
  let schemaResource = asSchemaResource.get(resource);
  if (!schemaResource) asSchemaResource.set(resource, (schemaResource = { ...resource, actions: {} }));
  const result = parseInput(schemaResource, mode, inputOf(payload));
  return result.ok ? {} : result.fieldErrors;
}
