// Entry of a BPMN worker thread when the server runs from source through tsx (tests, bench, scripts): the worker
// registers tsx's loader itself (it starts with no execArgv of its parent) and then loads the worker module. The
// compiled server (dist/server/) starts the compiled bpmn-worker.js instead (work-pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./bpmn-worker.ts');
