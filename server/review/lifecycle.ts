// The SOP lifecycle as data: which action leads from which state to which, and which role may take it (docs/review.md).
// Pure: the server decides with it, and the client shows only the buttons it allows.
import type { Role } from '../accounts/accounts.records';
import type { ReviewAction, ReviewState } from './review.schema';

export interface Edge {
  action: ReviewAction;
  from: ReviewState;
  to: ReviewState;
  roles: readonly Role[];
  /** A reason the other side must read: asked for when sending back or withdrawing. */
  commentRequired: boolean;
}

/**
 * The drafter (penyusun) submits and may take a submission back before review starts; the unit's reviewer reviews and
 * approves or sends back; the signatory (pengesah) signs or sends back, and withdraws an SOP in force. `revisi-baru` is
 * the server's: saving a map revision or SOP identity after signing or withdrawal opens a new draft.
 */
export const EDGES: readonly Edge[] = [
  { action: 'ajukan', from: 'draf', to: 'diajukan', roles: ['penyusun'], commentRequired: false },
  { action: 'ajukan', from: 'perlu-perbaikan', to: 'diajukan', roles: ['penyusun'], commentRequired: false },
  { action: 'tarik', from: 'diajukan', to: 'draf', roles: ['penyusun'], commentRequired: false },
  { action: 'mulai-reviu', from: 'diajukan', to: 'direviu', roles: ['reviewer'], commentRequired: false },
  { action: 'minta-perbaikan', from: 'direviu', to: 'perlu-perbaikan', roles: ['reviewer'], commentRequired: true },
  { action: 'setujui', from: 'direviu', to: 'disetujui', roles: ['reviewer'], commentRequired: false },
  { action: 'minta-perbaikan', from: 'disetujui', to: 'perlu-perbaikan', roles: ['pengesah'], commentRequired: true },
  { action: 'sahkan', from: 'disetujui', to: 'disahkan', roles: ['pengesah'], commentRequired: false },
  { action: 'cabut', from: 'disahkan', to: 'dicabut', roles: ['pengesah'], commentRequired: true },
  { action: 'revisi-baru', from: 'disahkan', to: 'draf', roles: ['penyusun'], commentRequired: false },
  { action: 'revisi-baru', from: 'dicabut', to: 'draf', roles: ['penyusun'], commentRequired: false },
];

/** The actions a user may ask for by hand (not `revisi-baru`). */
export const USER_ACTIONS = ['ajukan', 'tarik', 'mulai-reviu', 'minta-perbaikan', 'setujui', 'sahkan', 'cabut'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
const isUserEdge = (edge: Edge): edge is Edge & { action: UserAction } => (USER_ACTIONS as readonly string[]).includes(edge.action);

export const edgeFrom = (state: ReviewState, action: ReviewAction): Edge | undefined =>
  EDGES.find((edge) => edge.from === state && edge.action === action);

/** The user actions open to someone with `roles` in `state`. */
export function actionsFor(state: ReviewState, roles: readonly Role[]): Array<Edge & { action: UserAction }> {
  return EDGES.filter(isUserEdge).filter((edge) => edge.from === state && edge.roles.some((r) => roles.includes(r)));
}

/** While submitted, in review or approved, the map and its SOP identity are frozen (the revision under review). */
export const LOCKED_STATES: readonly ReviewState[] = ['diajukan', 'direviu', 'disetujui'];

/** Signed or withdrawn: a change starts a new draft revision, the signed one stays as it was. */
export const CLOSED_STATES: readonly ReviewState[] = ['disahkan', 'dicabut'];
