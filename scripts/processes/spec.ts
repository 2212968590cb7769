// The description of one library map (processes/library/): pools with their lanes, flow nodes in flow order,
// sequence flows, message flows and letters. build.ts turns it into BPMN 2.0 XML with DI (layout.ts, to-xml.ts).
import type { JabatanCode, RoleCode } from '../../server/lint/map-model/kamus-jabatan';
import type { OrgType } from '../../server/lint/map-model/levels';
import type { ActivityKind } from '../../server/lint/map-model/activity-kind';
import type { LetterKind } from '../../server/lint/map-model/letters';
import type { Phase } from '../../server/lint/map-model/map-model';
import type { Profile } from '../../server/domain/vocabulary';

export type UnitKind = 'unit-organisasi' | 'perangkat-daerah' | 'instansi';
export type Scope = 'dalam-unit' | 'lintas-unit' | 'lintas-pd' | 'lintas-instansi';

export interface LaneSpec {
  key: string;
  name: string;
  jabatan: JabatanCode;
  role?: RoleCode;
  level?: 1 | 2 | 3;
}

export interface PoolSpec {
  key: string;
  name: string;
  unitKind: UnitKind;
  /** Absent on a pool standing for a whole instansi. */
  orgType?: OrgType;
  performanceOwner?: boolean;
  lanes: LaneSpec[];
}

/** Mutu baku of an activity (BPMN-CONVENTIONS.md): kelengkapan, waktu, output. */
export interface MutuBaku {
  requirements: string;
  time: string;
  output: string;
}

interface NodeBase {
  key: string;
  lane: string;
}

export interface StartSpec extends NodeBase { type: 'start'; name: string; message?: boolean }
export interface EndSpec extends NodeBase { type: 'end'; name: string }
/**
 * The step of the regulation's text an activity draws. Its id is written on the activity as `sk:step`; the catalog
 * lists every step of a map with its article, text and lane (processes/README.md).
 */
export interface LampiranStep {
  /** Unique within the map: the article in short ("Ps29(2)a", "B.3a(3)"), with a suffix when two activities share it. */
  id: string;
  /** The full citation, as server/regulations/citations.ts resolves it. */
  article: string;
  /** What the text says of the step, in its words. */
  text: string;
  /** The step this one follows along the flow, when it is not the step listed before it (another branch). */
  after?: string;
  /** Lane keys of the officials who receive a copy (tembusan) of the letter this step sends. */
  copies?: string[];
}

export interface TaskSpec extends NodeBase, MutuBaku {
  type: 'task';
  name: string;
  phase?: Phase;
  activityKind?: ActivityKind;
  note?: string;
  step?: LampiranStep;
}
/** An exclusive gateway: a decision when it has a name, a merge otherwise. */
export interface GatewaySpec extends NodeBase { type: 'xor'; name?: string; phase?: Phase }
export type NodeSpec = StartSpec | EndSpec | TaskSpec | GatewaySpec;

export interface FlowSpec {
  from: string;
  to: string;
  name?: string;
}

/** Contents of a surat permohonan pelibatan (GMS Ps 14(5)). */
export interface RequestContents {
  purpose: string;
  competence: string;
  target: string;
  duration: string;
}

export interface MessageSpec extends Partial<RequestContents> {
  key: string;
  from: string;
  to: string;
  name: string;
  letter: LetterKind;
}

/** A letter kept inside one pool: a data object written by `from` and read by `to`. */
export interface DataSpec extends Partial<RequestContents> {
  key: string;
  name: string;
  letter: LetterKind;
  from: string;
  to?: string;
  /** The lane the letter is drawn in when it is not the writer's: the recipient of a tembusan. */
  lane?: string;
}

export interface MapSpec {
  id: string;
  title: string;
  kind: 'mekanisme-kerja' | 'lintas-fungsi';
  profile: Profile;
  group: 'mekanisme-kerja' | 'penugasan';
  orgType: OrgType;
  scope: Scope;
  description: string;
  /** The articles the map follows, as users cite them. */
  articles: string[];
  pools: PoolSpec[];
  /** Flow nodes in flow order (the layout places them left to right in this order). */
  nodes: NodeSpec[];
  flows: FlowSpec[];
  messages?: MessageSpec[];
  data?: DataSpec[];
}
