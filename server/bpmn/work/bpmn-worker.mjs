// Entry of a BPMN worker thread: the server runs TypeScript through tsx, so the worker registers tsx's loader itself
// (it starts with no execArgv of its parent) and then loads the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./bpmn-worker.ts');
