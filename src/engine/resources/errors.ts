/** A definition that contradicts itself, named by its resource: thrown at start-up, never on a page. */
export class ResourceDefinitionError extends Error {
  constructor(resource: string, problem: string) {
    super(`Resource "${resource}": ${problem}`);
    this.name = 'ResourceDefinitionError';
  }
}
