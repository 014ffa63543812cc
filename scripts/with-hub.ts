// Hands the engine this project's definitions (src/admin/hub.ts) before a script uses it.
// Imported first by every script that serves or boots: the engine never imports them itself.
// The definitions import the engine as @admin-hub/engine (the package Next.js loads at run
// time), so that package is written first and the definitions are loaded after it.
import { installHub } from '@/engine/hub';
import { writeEnginePackage } from '@/engine/lifecycle/engine-package';

writeEnginePackage(process.cwd());
const { hub } = await import('@/admin/hub');
installHub(hub);
