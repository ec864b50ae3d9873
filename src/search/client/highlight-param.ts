/** The URL parameter that carries a search from a result to its article page, to highlight it. */
export const HIGHLIGHT_PARAM = 'hl';
