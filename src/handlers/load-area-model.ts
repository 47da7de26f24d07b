/** Moved to `src/areas/load-area-model.ts`; kept for `publish-pull-request-check.ts` until it moves to `src/application`. */
export { loadAreaModel, type LoadedAreaModel } from '../areas/load-area-model.js';
