import { hub } from '../../src/admin/hub';
import { installHub } from '../../src/engine/hub';

// Every test file's engine serves the project's definitions, as scripts/start.ts hands them over.
installHub(hub);
