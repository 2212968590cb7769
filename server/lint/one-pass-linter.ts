// bpmnlint's Linter with every rule applied in one walk of the model instead of one walk per rule. bpmnlint walks the
// whole tree (and filters each element's property descriptors again) once for each of its ~30 enabled rules; here the
// walk is done once and each element is handed to the rules still walking there, in configuration order. Every rule
// sees the same elements in the same order, with the same `false`-skips-the-children and enter/leave calls as in
// bpmnlint's traverse.js, and its reports (or, when it throws, its one `rule-error` report) come back exactly as
// bpmnlint's Linter.lint returns them (test/lint/one-pass-linter.test.ts compares the two on every fixture).
import { Linter, type LintReport } from 'bpmnlint';
import type { Config, RuleDefinition } from 'bpmnlint/lib/types';

interface RuleRun {
  name: string;
  category: string;
  rule: RuleDefinition;
  enter?: (element: unknown, reporter: Reporter) => boolean | void;
  leave?: (element: unknown, reporter: Reporter) => void;
  reporter: Reporter;
  /** Not called on elements outside BPMN's semantic types (see `bpmnOnly` of OnePassLinter). */
  bpmnOnly: boolean;
  /** Set when the rule threw: bpmnlint stops walking it and reports only the error. */
  error?: Error;
}

interface Descriptor {
  isGeneric?: boolean;
  properties: Array<{ name: string; type: string; isMany?: boolean; isAttr?: boolean; isReference?: boolean }>;
}

const toString = Object.prototype.toString;

/** bpmnlint's test-rule.js Reporter, to the letter (a path array is kept as `path`, a plain object spread in). */
class Reporter {
  readonly messages: Array<Record<string, unknown>> = [];

  readonly report = (id: string, message: string, path?: unknown): void => {
    let report: Record<string, unknown> = { id, message };
    if (path && toString.call(path) === '[object Array]') report = { ...report, path };
    if (path && toString.call(path) === '[object Object]') report = { ...report, ...(path as Record<string, unknown>) };
    this.messages.push(report);
  };
}

const SIMPLE_TYPES = new Set(['String', 'Boolean', 'Integer', 'Real']);
/** The properties traverse.js descends into, per descriptor (moddle shares one descriptor per type). */
const containedCache = new WeakMap<Descriptor, Descriptor['properties']>();

function containedProperties(descriptor: Descriptor): Descriptor['properties'] {
  let properties = containedCache.get(descriptor);
  if (!properties) {
    properties = descriptor.properties.filter((p) => !p.isAttr && !p.isReference && !SIMPLE_TYPES.has(p.type));
    containedCache.set(descriptor, properties);
  }
  return properties;
}

/**
 * Whether elements of a type are outside BPMN's semantic types: the diagram interchange (bpmndi:, dc:, di:), whose
 * types extend no bpmn: type, so that `is(node, 'bpmn:…')` is false for them. Generic (unknown) elements are not
 * counted: their `$instanceOf` compares type names.
 */
const outsideCache = new WeakMap<object, boolean>();

export function isOutsideBpmn(descriptor: { isGeneric?: boolean; allTypesByName?: Record<string, unknown> }): boolean {
  let outside = outsideCache.get(descriptor);
  if (outside === undefined) {
    outside = !descriptor.isGeneric && descriptor.allTypesByName !== undefined && !Object.keys(descriptor.allTypesByName).some((name) => name.startsWith('bpmn:'));
    outsideCache.set(descriptor, outside);
  }
  return outside;
}

function fail(run: RuleRun, error: unknown): void {
  if (run.error) return;
  run.error = error as Error;
  console.error('rule <' + run.name + '> failed with error: ', error);
}

/** traverse.js for all rules at once: `active` are the rules that walk into `element`. */
function walk(element: any, active: RuleRun[]): void {
  const descend: RuleRun[] = [];
  // Reading the descriptor may throw here as in the child loop below (a value that is no model element): then the
  // element counts as inside, every rule is called on it as before, and the error comes where it always came.
  let outside = false;
  try {
    outside = isOutsideBpmn(element.$descriptor);
  } catch {
    outside = false;
  }
  for (const run of active) {
    if (run.error) continue;
    let enterSubTree: boolean | void = undefined;
    // A bpmnOnly rule does nothing and answers undefined on such an element: it walks on into its children unasked.
    if (outside && run.bpmnOnly) {
      descend.push(run);
      continue;
    }
    if (run.enter) {
      try {
        enterSubTree = run.enter(element, run.reporter);
      } catch (error) {
        fail(run, error);
        continue;
      }
    }
    if (enterSubTree !== false) descend.push(run);
  }
  // As in traverse.js, reading the descriptor or a child collection can throw (a value that is no model element):
  // every rule walking here fails with that error, as each of bpmnlint's walks would.
  try {
    const descriptor = element.$descriptor as Descriptor;
    if (descend.length > 0 && !descriptor.isGeneric) {
      for (const property of containedProperties(descriptor)) {
        if (!(property.name in element)) continue;
        const value = element[property.name];
        if (property.isMany) value.forEach((child: unknown) => walk(child, descend));
        else walk(value, descend);
      }
    }
  } catch (error) {
    for (const run of descend) fail(run, error);
    // The rules that did not descend never read the children; they go on to their leave below.
  }
  for (const run of active) {
    if (run.error || !run.leave) continue;
    try {
      run.leave(element, run.reporter);
    } catch (error) {
      fail(run, error);
    }
  }
}

/**
 * `bpmnOnly`: names of rules (as bpmnlint names them: `label-required`, `mk/decision-binary`) whose check is a plain
 * function that provably does nothing — no report, no state, no throw — and answers undefined on any element outside
 * BPMN's semantic types (isOutsideBpmn), e.g. because it starts `if (!is(node, 'bpmn:Gateway')) return;`. They are not
 * called on those elements (at 2,000 shapes about 6,000 of the ~14,000 walked: the diagram's shapes, edges and bounds),
 * and walk on into their children as they would have. test/lint/one-pass-linter.test.ts checks the claim on every
 * fixture and compares the reports with bpmnlint's Linter.
 */
export interface OnePassOptions {
  bpmnOnly?: ReadonlySet<string>;
}

export class OnePassLinter extends Linter {
  private readonly bpmnOnly: ReadonlySet<string>;

  constructor(options: ConstructorParameters<typeof Linter>[0], { bpmnOnly = new Set() }: OnePassOptions = {}) {
    super(options);
    this.bpmnOnly = bpmnOnly;
  }

  override async lint(moddleRoot: unknown, config?: Config): Promise<Record<string, LintReport[]>> {
    const definitions = await this.resolveRules(config ?? this.config);
    const runs: RuleRun[] = definitions.map(({ name, category, rule }) => {
      const run: RuleRun = { name, category, rule, reporter: new Reporter(), bpmnOnly: false };
      const check = (rule.check || {}) as Record<string, unknown> | ((...args: unknown[]) => unknown);
      const leave = 'leave' in check ? check.leave : undefined;
      const enter = 'enter' in check ? check.enter : typeof check === 'function' ? check : undefined;
      if (!enter && !leave) run.error = new Error('no check implemented');
      else {
        if (enter) run.enter = enter as RuleRun['enter'];
        if (leave) run.leave = leave as RuleRun['leave'];
        // Only a plain check function qualifies (no enter/leave pair whose leave would still be called).
        run.bpmnOnly = typeof check === 'function' && this.bpmnOnly.has(name);
      }
      return run;
    });
    const walking = runs.filter((run) => !run.error);
    for (const run of runs) if (run.error) console.error('rule <' + run.name + '> failed with error: ', run.error);
    try {
      walk(moddleRoot, walking);
    } catch (error) {
      // Only the root itself can throw past walk() (its rules' own errors are caught): every rule failed there.
      for (const run of walking) fail(run, error);
    }
    const results: Record<string, LintReport[]> = {};
    for (const run of runs) {
      const reports: LintReport[] = run.error
        ? [{ message: run.error.message, category: 'rule-error' }]
        : run.reporter.messages.map((report) => ({ ...report, meta: run.rule.meta, category: run.category }) as unknown as LintReport);
      if (reports.length) results[run.name] = reports;
    }
    return results;
  }
}
