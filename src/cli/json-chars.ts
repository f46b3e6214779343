// The characters JSON's structure is made of, as char codes, for the streaming reader.

export const NEWLINE = 10;
export const RETURN = 13;
export const SPACE = 32;
export const TAB = 9;
export const QUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const BOM = 0xfeff;

export const isSpace = (code: number): boolean =>
  code === SPACE || code === NEWLINE || code === RETURN || code === TAB || code === BOM;

/** Where a bare value ends: JSON's separators and brackets. */
export const endsBare = (code: number): boolean =>
  isSpace(code) ||
  code === COMMA ||
  code === OPEN_BRACE ||
  code === CLOSE_BRACE ||
  code === OPEN_BRACKET ||
  code === CLOSE_BRACKET ||
  code === QUOTE;
