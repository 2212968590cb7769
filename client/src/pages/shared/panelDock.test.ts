import { describe, expect, it } from 'vitest';
import { panelRoom } from './panelDock';

describe('panelRoom', () => {
  it('leaves one side panel beside the diagram on projectors and laptops, two on monitors, three on wide ones', () => {
    expect([1024, 1280, 1366, 1440, 1536, 1599].map(panelRoom)).toEqual([1, 1, 1, 1, 1, 1]);
    expect([1600, 1920, 2399].map(panelRoom)).toEqual([2, 2, 2]);
    expect(panelRoom(2560)).toBe(3);
  });
});
