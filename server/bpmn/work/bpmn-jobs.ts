// The expensive work on untrusted BPMN a request asks for (parse, stamp and re-serialise, lint), as plain jobs with
// structured-clonable inputs and results: the worker pool runs them off the event loop, tools run them in process.
import type { ModdleElement } from 'bpmn-moddle';
import { DEFAULT_PROFILE, Profile, type MapKind } from '../../domain/vocabulary';
import type { LintResult } from '../../lint/findings';
import type { LintContext } from '../../lint/lint-context';
import { lintXml } from '../../lint/lint.service';
import { readMapKind } from '../map-kind';
import { stampMapFacts } from '../map-facts';
import { parseBpmn } from '../moddle';
import { assertOutputSize } from '../xml-guard';
import { answerLanes, type LaneAnswers, type LaneMatch } from '../../import/lane-matching';
import type { KamusSynonym } from '../../lint/map-model/kamus-synonyms';

/** The facts an import or a new map from a file keeps; what is not given is read from the file. */
export interface StampInput {
  xml: string;
  given: { kind?: MapKind; profile?: Profile; unit: string; name?: string };
  /** Profile when neither given nor declared in the file (sk:profile). */
  defaultProfile: Profile;
  /** Name when neither given nor found in the file. */
  defaultName: string;
  /** The lanes answered in the import dialog: written as sk: attributes (lane-matching.ts); an unknown lane id is refused. */
  lanes?: LaneAnswers;
  /** The repository's synonyms of the kamus jabatan, for `lanes` of the output. */
  synonyms?: KamusSynonym[];
}

export interface StampOutput {
  xml: string;
  facts: { kind: MapKind; profile: Profile; unit: string; name: string };
  /** Every lane of the stamped map, matched to the kamus (lane-matching.ts): the import dialog's "Jalur dan jabatan". */
  lanes: LaneMatch[];
  /** The answered lanes' names, for the repository to learn as synonyms. */
  learnt: KamusSynonym[];
}

export type BpmnJob =
  | { type: 'stamp'; input: StampInput }
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
export async function runBpmnJob(job: BpmnJob): Promise<StampOutput | LintResult | EncodedLintResult | null> {
  switch (job.type) {
    case 'stamp':
      return stamp(job.input);
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
async function stamp({ xml, given, defaultProfile, defaultName, lanes: answers, synonyms }: StampInput): Promise<StampOutput> {
  let matched: { lanes: LaneMatch[]; learnt: KamusSynonym[] } = { lanes: [], learnt: [] };
  const stamped = await stampMapFacts(xml, (definitions) => {
    matched = answerLanes(definitions, answers, synonyms);
    return {
      kind: given.kind ?? readMapKind(definitions).kind,
      profile: given.profile ?? declaredProfile(definitions) ?? defaultProfile,
      unit: given.unit,
      name: given.name ?? nameInFile(definitions) ?? defaultName,
    };
  });
  assertOutputSize(stamped.xml);
  return { ...stamped, ...matched };
}

/** The profile a BPMN file declares (sk:profile), which an import or a new map from the file keeps unless told otherwise. */
function declaredProfile(definitions: ModdleElement): Profile | undefined {
  const declared = Profile.safeParse(definitions.get('sk:profile'));
  return declared.success ? declared.data : undefined;
}

/** The first name the file gives its model: a pool, a process, or the definitions themselves. */
function nameInFile(definitions: ModdleElement): string | undefined {
  const roots = (definitions.get('rootElements') as ModdleElement[] | undefined) ?? [];
  const candidates = [
    ...roots.filter((e) => e.$instanceOf('bpmn:Collaboration')).flatMap((c) => (c.get('participants') as ModdleElement[]) ?? []),
    ...roots.filter((e) => e.$instanceOf('bpmn:Process')),
    definitions,
  ];
  return candidates.map((e) => e.name?.trim().slice(0, 200)).find((n): n is string => !!n);
}
