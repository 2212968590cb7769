// The one-walk linter (server/lint/one-pass-linter.ts) answers exactly what bpmnlint's own Linter answers, report for
// report and in the same order, on every map we have: the library, every fixture, the MIWG corpus and a big generated
// map (the library's maps under every profile at both stages, the others under the default profile at both stages);
// and it fails a throwing rule as bpmnlint does. The rules it calls only on elements of some types (`ruleTypes`, the
// engine's table) are called here on every element of other types of every map: none reports or answers anything.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'bpmnlint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import { describe, expect, it, vi } from 'vitest';
import { generateBpmn } from '../../bench/bpmn-generator';
import { allElements, parseBpmn } from '../../server/bpmn/moddle';
import { PROFILES } from '../../server/domain/vocabulary';
import { completeFlowReferences } from '../../server/lint/complete-flow-references';
import { configFor, ruleResolver } from '../../server/lint/engine';
import { isOfTypes, OnePassLinter } from '../../server/lint/one-pass-linter';
import { RECOMMENDED_RULE_TYPES } from '../../server/lint/recommended-rules';
import { miwgFiles, readText, ROOT } from '../helpers/fixtures';

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.bpmn'))
    .map((file) => path.join(dir, file))
    .sort();
}

const library = bpmnFiles(path.join(ROOT, 'processes'));
const files = [...library, ...bpmnFiles(path.join(ROOT, 'test')), ...miwgFiles()];

/** Both linters' answers on two fresh parses of the same XML (flow references completed, as the engine does). */
async function both(xml: string, config: ReturnType<typeof configFor>) {
  const [a, b] = await Promise.all([parseBpmn(xml), parseBpmn(xml)]);
  completeFlowReferences(a.definitions);
  completeFlowReferences(b.definitions);
  const expected = await new Linter({ resolver: ruleResolver, config }).lint(a.definitions);
  const actual = await new OnePassLinter({ resolver: ruleResolver, config }, { ruleTypes: RECOMMENDED_RULE_TYPES }).lint(b.definitions);
  // The engine lists findings in the order of the rules' keys, so that order is compared too.
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  return { expected: JSON.parse(JSON.stringify(expected)), actual: JSON.parse(JSON.stringify(actual)) };
}

describe('one-pass linter', () => {
  it('finds maps to compare', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it.each(files.map((file) => [path.relative(path.dirname(ROOT), file), file]))('answers as bpmnlint on %s', async (_name, file) => {
    const xml = readText(file);
    try {
      await parseBpmn(xml);
    } catch {
      return; // not a map (hostile or broken fixtures): nothing to lint
    }
    for (const profile of library.includes(file) ? PROFILES : (['nasional'] as const)) {
      for (const stage of [undefined, 'pengajuan'] as const) {
        const { expected, actual } = await both(xml, configFor(profile, stage ? { stage } : undefined));
        expect(actual, `${profile} ${stage ?? 'draf'}`).toEqual(expected);
      }
    }
  });

  /** Every typed rule's check on every element of none of its types: what it answered and reported, where it did. */
  async function skippedCalls(xml: string) {
    const { definitions } = await parseBpmn(xml);
    completeFlowReferences(definitions);
    const elements = [...allElements(definitions)];
    const calls: string[] = [];
    let skipped = 0;
    for (const [name, types] of RECOMMENDED_RULE_TYPES) {
      const factory = ruleResolver.resolveRule('bpmnlint', name) as unknown as (config: unknown) => unknown;
      const rule = factory({}) as { check: (node: unknown, reporter: unknown) => unknown };
      expect(typeof rule.check, name).toBe('function');
      const reports: unknown[] = [];
      for (const element of elements) {
        if (isOfTypes(element.$descriptor as never, types)) continue;
        skipped++;
        const answer = rule.check(element, { report: (...args: unknown[]) => reports.push(args) });
        if (answer !== undefined || reports.length > 0) calls.push(`${name} ${element.$type}: ${String(answer)} ${JSON.stringify(reports)}`);
      }
    }
    return { skipped, calls };
  }

  it.each(files.map((file) => [path.relative(path.dirname(ROOT), file), file]))('calls the rules it skips there in vain on %s', async (_name, file) => {
    const xml = readText(file);
    try {
      await parseBpmn(xml);
    } catch {
      return;
    }
    expect((await skippedCalls(xml)).calls).toEqual([]);
  });

  it('skips only elements of none of the types: the tasks are called, the DI, flows and documentation not', async () => {
    const xml = generateBpmn({ map: 200, revision: 1, targetBytes: 200 * 950 });
    const { skipped, calls } = await skippedCalls(xml);
    expect(calls).toEqual([]);
    expect(skipped).toBeGreaterThan(10_000);
    // A rule typed bpmn:Task that reports on every element shows the skip: bpmnlint's Linter hears its reports
    // everywhere, the one-walk linter only on tasks (of every kind of task).
    const everywhere = () => ({ check: (node: { $type: string; id?: string }, reporter: { report(id: string, message: string): void }) => reporter.report(node.id ?? '', node.$type) });
    const resolver = new StaticResolver({ 'rule:bpmnlint/everywhere': everywhere });
    const config = { rules: { everywhere: 'warn' } } as const;
    const [a, b] = await Promise.all([parseBpmn(xml), parseBpmn(xml)]);
    const all = (await new Linter({ resolver, config }).lint(a.definitions)).everywhere!.map((report) => report.message);
    const walked = (await new OnePassLinter({ resolver, config }, { ruleTypes: new Map([['everywhere', ['bpmn:Task']]]) }).lint(b.definitions)).everywhere!.map(
      (report) => report.message,
    );
    expect(all.filter((type) => /^bpmn:(\w+)?Task$/.test(type))).toEqual(walked);
    expect(all.filter((type) => /^bpmndi:BPMNShape$/.test(type)).length).toBeGreaterThan(150);
    expect(new Set(walked)).toEqual(new Set(['bpmn:Task', 'bpmn:UserTask', 'bpmn:ManualTask', 'bpmn:ServiceTask']));
  });

  it('answers as bpmnlint on a generated map of 2,000 shapes', async () => {
    const { expected, actual } = await both(generateBpmn({ map: 2000, revision: 1, targetBytes: 2000 * 950 }), configFor('nasional'));
    expect(Object.values(actual).flat().length).toBeGreaterThan(1000);
    expect(actual).toEqual(expected);
  });

  it('fails a rule that throws, or has no check, as bpmnlint does, and walks the others on', async () => {
    const throwing = () => ({
      check: (node: { $type: string }) => {
        if (node.$type === 'bpmn:Task') throw new Error('rusak di tugas');
      },
    });
    const reporting = () => ({
      check: {
        enter: (node: { $type: string; id: string }, reporter: { report(id: string, message: string, path?: unknown): void }) => {
          if (node.$type === 'bpmn:Process') return false;
          reporter.report(node.id, 'dilihat', ['a']);
        },
        leave: (node: { id: string }, reporter: { report(id: string, message: string, path?: unknown): void }) => reporter.report(node.id, 'ditinggalkan', { extra: 1 }),
      },
    });
    const resolver = new StaticResolver({ 'rule:bpmnlint/throwing': throwing, 'rule:bpmnlint/reporting': reporting, 'rule:bpmnlint/empty': () => ({ check: {} }) });
    const config = { rules: { throwing: 'error', reporting: 'warn', empty: 'info' } } as const;
    const xml = readText(path.join(ROOT, 'processes/templates/lintas-fungsi.bpmn'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const [a, b] = await Promise.all([parseBpmn(xml), parseBpmn(xml)]);
      const expected = await new Linter({ resolver, config }).lint(a.definitions);
      const actual = await new OnePassLinter({ resolver, config }).lint(b.definitions);
      expect(expected.throwing).toEqual([{ message: 'rusak di tugas', category: 'rule-error' }]);
      expect(expected.empty).toEqual([{ message: 'no check implemented', category: 'rule-error' }]);
      expect(expected.reporting!.length).toBeGreaterThan(2);
      expect(actual).toEqual(expected);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
    } finally {
      error.mockRestore();
    }
  });
});
