// The expensive work on untrusted BPMN a request asks for (parse, stamp and re-serialise, lint), as plain jobs with
// structured-clonable inputs and results: the worker pool runs them off the event loop, tools run them in process.
import { DEFAULT_PROFILE, type Profile, type MapKind } from '../../domain/vocabulary';
import type { LintResult } from '../../lint/findings';
import type { LintContext } from '../../lint/lint-context';
import { lintXml } from '../../lint/lint.service';
import { declaredProfile, nameInFile, readImport, type ImportInput, type ImportOutput } from '../import/import-pipeline';
import { readMapKind } from '../map-kind';
import { stampMapFacts } from '../map-facts';
import { parseBpmn } from '../moddle';
import { assertOutputSize } from '../xml-guard';

/** The facts an import or a new map from a file keeps; what is not given is read from the file. */
export interface StampInput {
  xml: string;
  given: { kind?: MapKind; profile?: Profile; unit: string; name?: string };
  /** Profile when neither given nor declared in the file (sk:profile). */
  defaultProfile: Profile;
  /** Name when neither given nor found in the file. */
  defaultName: string;
}

export interface StampOutput {
  xml: string;
  facts: { kind: MapKind; profile: Profile; unit: string; name: string };
}

export type BpmnJob =
  | { type: 'stamp'; input: StampInput }
  | { type: 'import'; input: ImportInput }
  | { type: 'validate'; xml: string }
  | { type: 'lint'; xml: string; profile?: Profile; repositoryDefault: Profile; context?: LintContext }
  | { type: 'lintEncoded'; xml: string; profile?: Profile; repositoryDefault: Profile; context?: LintContext };

/**
 * A lint result with its findings already encoded as a JSON array: a map can have a hundred thousand findings, and
 * copying them back as objects and encoding them on the event loop would hold it for a second.
 */
export interface EncodedLintResult {
  profile: Profile;
  findingsJson: string;
}


/** Runs one job in this thread. */
export async function runBpmnJob(job: BpmnJob): Promise<StampOutput | ImportOutput | LintResult | EncodedLintResult | null> {
  switch (job.type) {
    case 'stamp':
      return stamp(job.input);
    case 'import':
      return readImport(job.input);
    case 'validate':
      await parseBpmn(job.xml);
      return null;
    case 'lint':
      return lintXml(job.xml, job.profile, job.repositoryDefault ?? DEFAULT_PROFILE, job.context);
    case 'lintEncoded': {
      const { profile, findings } = await lintXml(job.xml, job.profile, job.repositoryDefault ?? DEFAULT_PROFILE, job.context);
      return { profile, findingsJson: JSON.stringify(findings) };
    }
  }
}

/** Parses the file, writes its facts as sk: attributes and re-serialises it, refusing an output over the limit. */
async function stamp({ xml, given, defaultProfile, defaultName }: StampInput): Promise<StampOutput> {
  const stamped = await stampMapFacts(xml, (definitions) => ({
    kind: given.kind ?? readMapKind(definitions).kind,
    profile: given.profile ?? declaredProfile(definitions) ?? defaultProfile,
    unit: given.unit,
    name: given.name ?? nameInFile(definitions) ?? defaultName,
  }));
  assertOutputSize(stamped.xml);
  return stamped;
}
