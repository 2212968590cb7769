// Escaping text for HTML and SVG content and attributes.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);

/** A number in mm for CSS and SVG, rounded to 0.01 mm. */
export const mm = (value: number): string => String(Math.round(value * 100) / 100);
