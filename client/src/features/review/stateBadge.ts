// The coloured badge of a review state, shared by the Reviu panel and the inbox.
import type { ReviewState } from '../../api/types';
import { h } from '../../ui/dom';
import { STATE_LABELS, STATE_TONES } from './reviewLabels';
import './review.css';

export function stateBadge(state: ReviewState, label: string = STATE_LABELS[state]): HTMLElement {
  return h('span', { class: `review-state review-state-${STATE_TONES[state]}`, 'data-testid': 'review-state', 'data-state': state }, label);
}
