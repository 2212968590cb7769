// Lints the diagram in a Web Worker as the user edits and marks the elements with findings.
import LintOverlays from './LintOverlays';
import LintScheduler from './LintScheduler';
import LintWorkerClient from './LintWorkerClient';

export default {
  __init__: ['lintScheduler', 'lintOverlays'],
  lintBackend: ['type', LintWorkerClient],
  lintScheduler: ['type', LintScheduler],
  lintOverlays: ['type', LintOverlays],
};
