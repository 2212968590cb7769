// The order and colours of the SOP states on the dashboard: the review cycle from draft to signed, then withdrawn.
import type { ReviewState } from '../../api/types';

export const REVIEW_STATE_ORDER: readonly ReviewState[] = ['draf', 'diajukan', 'direviu', 'perlu-perbaikan', 'disetujui', 'disahkan', 'dicabut'];

/** Distinct hues, told apart also by their order in each bar and in the legend. */
export const STATE_COLORS: Record<ReviewState, string> = {
  draf: '#a3adb8',
  diajukan: '#4f8fd9',
  direviu: '#7a5fc0',
  'perlu-perbaikan': '#e08a1e',
  disetujui: '#2a9d8f',
  disahkan: '#1d6b3a',
  dicabut: '#3d4451',
};
