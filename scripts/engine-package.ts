/** `npm install` runs this (postinstall): writes node_modules/@admin-hub/engine (see src/engine/lifecycle/engine-package.ts). */
import { writeEnginePackage } from '@/engine/lifecycle/engine-package';

writeEnginePackage(process.cwd());
