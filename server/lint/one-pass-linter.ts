// bpmnlint's Linter with every rule applied in one walk of the model instead of one walk per rule. bpmnlint walks the
// whole tree (and filters each element's property descriptors again) once for each of its ~30 enabled rules; here the
// walk is done once and each element is handed to the rules still walking there, in configuration order. Every rule
// sees the same elements in the same order, with the same `false`-skips-the-children and enter/leave calls as in
// bpmnlint's traverse.js, and its reports (or, when it throws, its one `rule-error` report) come back exactly as
// bpmnlint's Linter.lint returns them (test/lint/one-pass-linter.test.ts compares the two on every fixture). A rule
// given `ruleTypes` is not called on elements of none of its types, where its check provably does nothing (below).
import { Linter, type LintReport } from 'bpmnlint';
import type { Config, RuleDefinition } from 'bpmnlint/lib/types';

interface RuleRun {
  name: string;
  category: string;
  rule: RuleDefinition;
  enter?: (element: unknown, reporter: Reporter) => boolean | void;
  leave?: (element: unknown, reporter: Reporter) => void;
  reporter: Reporter;
  /** Its place in the configuration (an index into `calledOn`'s answer). */
  index: number;
  /** Called only on elements of one of these bpmn: types (see `ruleTypes` of OnePassLinter); absent: on every element. */
  types?: readonly string[];
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

interface TypeDescriptor {
  isGeneric?: boolean;
  allTypesByName?: Record<string, unknown>;
}

/**
 * Whether an element of this descriptor's type is an instance of one of `types` as `is(node, type)` answers it; a
 * generic (unknown) element counts as one of every type — its `$instanceOf` compares type names, so it is never skipped.
 */
export function isOfTypes(descriptor: TypeDescriptor, types: readonly string[]): boolean {
  const all = descriptor.allTypesByName;
  return descriptor.isGeneric === true || all === undefined || types.some((type) => type in all);
}

function fail(run: RuleRun, error: unknown): void {
  if (run.error) return;
  run.error = error as Error;
  console.error('rule <' + run.name + '> failed with error: ', error);
}

/** Which runs to call on elements of a descriptor's type, by run index (undefined: every run). */
type CalledOn = (descriptor: TypeDescriptor) => readonly boolean[] | undefined;

/** traverse.js for all rules at once: `active` are the rules that walk into `element`. */
function walk(element: any, active: RuleRun[], calledOn: CalledOn): void {
  const descend: RuleRun[] = [];
  // Reading the descriptor may throw here as in the child loop below (a value that is no model element): then every
  // rule is called on the element as before, and the error comes where it always came.
  let called: readonly boolean[] | undefined;
  try {
    called = calledOn(element.$descriptor);
  } catch {
    called = undefined;
  }
  for (const run of active) {
    if (run.error) continue;
    let enterSubTree: boolean | void = undefined;
    // A rule with `types` does nothing and answers undefined on an element of none of them: it walks on into the
    // element's children unasked.
    if (called !== undefined && !called[run.index]) {
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
        if (property.isMany) value.forEach((child: unknown) => walk(child, descend, calledOn));
        else walk(value, descend, calledOn);
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
 * `ruleTypes`: rule name (as bpmnlint names it: `label-required`, `mk/decision-binary`) → the bpmn: types outside of
 * which the rule's check — a plain function — provably does nothing: no report, no state, no throw, and answers
 * undefined (e.g. it starts `if (!is(node, 'bpmn:Gateway')) return;`). The rule is not called on elements of none of
 * those types (at 2,000 shapes most of the ~14,000 walked: the diagram's shapes, edges and bounds, documentation,
 * flows for the node rules, nodes for the flow rules) and walks on into their children as it would have.
 * test/lint/one-pass-linter.test.ts checks each claim on every fixture and compares the reports with bpmnlint's Linter.
 */
export interface OnePassOptions {
  ruleTypes?: ReadonlyMap<string, readonly string[]>;
}

export class OnePassLinter extends Linter {
  private readonly ruleTypes: ReadonlyMap<string, readonly string[]>;

  constructor(options: ConstructorParameters<typeof Linter>[0], { ruleTypes = new Map() }: OnePassOptions = {}) {
    super(options);
    this.ruleTypes = ruleTypes;
  }

  override async lint(moddleRoot: unknown, config?: Config): Promise<Record<string, LintReport[]>> {
    const definitions = await this.resolveRules(config ?? this.config);
    const runs: RuleRun[] = definitions.map(({ name, category, rule }, index) => {
      const run: RuleRun = { name, category, rule, reporter: new Reporter(), index };
      const check = (rule.check || {}) as Record<string, unknown> | ((...args: unknown[]) => unknown);
      const leave = 'leave' in check ? check.leave : undefined;
      const enter = 'enter' in check ? check.enter : typeof check === 'function' ? check : undefined;
      if (!enter && !leave) run.error = new Error('no check implemented');
      else {
        if (enter) run.enter = enter as RuleRun['enter'];
        if (leave) run.leave = leave as RuleRun['leave'];
        // Only a plain check function qualifies (no enter/leave pair whose leave would still be called).
        const types = this.ruleTypes.get(name);
        if (types && typeof check === 'function') run.types = types;
      }
      return run;
    });
    const walking = runs.filter((run) => !run.error);
    // Per type (moddle shares one descriptor per type), which runs are called on its elements.
    const typed = runs.filter((run) => run.types);
    const byDescriptor = new Map<TypeDescriptor, readonly boolean[]>();
    const calledOn: CalledOn = (descriptor) => {
      if (typed.length === 0) return undefined;
      let called = byDescriptor.get(descriptor);
      if (!called) {
        called = runs.map((run) => !run.types || isOfTypes(descriptor, run.types));
        byDescriptor.set(descriptor, called);
      }
      return called;
    };
    for (const run of runs) if (run.error) console.error('rule <' + run.name + '> failed with error: ', run.error);
    try {
      walk(moddleRoot, walking, calledOn);
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
