// Hands the engine this project's definitions (src/admin/hub.ts) before a script uses it.
// Imported first by every script that serves or boots: the engine never imports them itself.
import { hub } from '@/admin/hub';
import { installHub } from '@/engine/hub';

installHub(hub);
