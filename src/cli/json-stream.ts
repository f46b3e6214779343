// JSON values read from text as it streams in, holding at most one value (of bounded size)
// at a time: JSON Lines, one JSON array (its elements one by one, on one line or many),
// pretty-printed values one after another, and log lines with text around the JSON.

import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  endsBare,
  isSpace,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from "./json-chars.js";
import { Kind, State } from "./json-stream-state.js";
import { JsonValuesError, parseError } from "./json-values-error.js";

/** What a {@link JsonStream} reports. */
export interface JsonStreamHandlers {
  /** One JSON value and the line it starts on. */
  readonly value: (value: unknown, line: number) => void;
  /** A value longer than the bound, left out unread: the line it starts on and its length. */
  readonly cut: (line: number, chars: number) => void;
}

/**
 * Reads JSON values from text pushed in pieces of any size. A value may span lines and
 * chunks; a top-level array's elements come out one by one; on a line that does not
 * start with JSON, the text before the first `{` is skipped (a log line's time and
 * level), and so is text after a value on its line. A value longer than `maxChars`
 * characters, or a line with more than `maxChars` characters before its JSON, is not
 * kept in memory: the value is reported to `cut`, the line is an error. Anything that
 * is not JSON throws a {@link JsonValuesError} naming the line it starts on.
 */
export class JsonStream {
  private state = State.Top;
  private kind = Kind.Nested;
  private inArray = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private pieces: string[] = [];
  private chars = 0;
  private start = 1;
  private arrayStart = 1;
  private lineHadValue = false;
  private values = 0;
  /** The current line (from 1). */
  line = 1;

  /**
   * @param maxChars - the longest value (and the longest text before a line's JSON) kept.
   * @param on - where values and cut values go.
   */
  constructor(
    private readonly maxChars: number,
    private readonly on: JsonStreamHandlers,
  ) {}

  /** How many values (cut ones included) were read. */
  get count(): number {
    return this.values;
  }

  /** Reads the next piece of text. */
  push(text: string): void {
    let index = 0;
    while (index < text.length) {
      switch (this.state) {
        case State.Top:
        case State.Array:
          index = this.between(text, index);
          break;
        case State.Bracket:
          index = this.bracket(text, index);
          break;
        case State.Prefix:
          index = this.prefix(text, index);
          break;
        default:
          index = this.inValue(text, index);
      }
    }
  }

  /** The text has ended: a value or line left open is finished (or refused) here. */
  end(): void {
    if (this.state === State.Prefix || this.state === State.Bracket) this.endPrefix();
    else if (this.state === State.Value) {
      if (this.kind === Kind.Bare) this.finishValue();
      else if (this.chars > this.maxChars)
        throw new JsonValuesError(this.start, "not valid JSON (the value never ends)");
      else this.finishValue();
    } else if (this.state === State.Array) {
      throw new JsonValuesError(this.arrayStart, "not valid JSON (the list opened here is not closed)");
    }
  }

  /** Top level or between array elements: skips space (and commas in an array), starts the next value. */
  private between(text: string, from: number): number {
    let index = from;
    const inArray = this.state === State.Array;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === NEWLINE) {
        this.line++;
        this.lineHadValue = false;
        index++;
      } else if (isSpace(code) || (inArray && code === COMMA)) index++;
      else break;
    }
    if (index >= text.length) return index;
    const code = text.charCodeAt(index);
    if (code === OPEN_BRACE) return this.startObject(text, index, inArray);
    if (inArray) {
      if (code === CLOSE_BRACKET) {
        this.state = State.Top;
        this.lineHadValue = true;
        return index + 1;
      }
      return this.startValue(text, index, true);
    }
    this.start = this.line;
    this.pieces = [];
    this.chars = 0;
    this.state = code === OPEN_BRACKET ? State.Bracket : State.Prefix;
    return this.keep(text, index, index + 1);
  }

  /** After a top-level `[`: an array when an object, the end of the list or the end of the line follows. */
  private bracket(text: string, from: number): number {
    let index = from;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === NEWLINE || code === OPEN_BRACE || code === CLOSE_BRACKET) {
        this.state = State.Array;
        this.arrayStart = this.start;
        return index;
      }
      if (!isSpace(code)) {
        this.state = State.Prefix;
        return this.keep(text, from, index);
      }
      index++;
    }
    return this.keep(text, from, index);
  }

  /** Text before a line's JSON: skipped up to the first `{`; a line without one must be one JSON value. */
  private prefix(text: string, from: number): number {
    let index = from;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === OPEN_BRACE) {
        this.pieces = [];
        this.chars = 0;
        return this.startObject(text, index, false);
      }
      if (code === NEWLINE) {
        this.keep(text, from, index);
        this.endPrefix();
        return index;
      }
      index++;
    }
    return this.keep(text, from, index);
  }

  /** A line that held no object: nothing when a value came before it on the line, else its text as one value. */
  private endPrefix(): void {
    this.state = State.Top;
    if (this.lineHadValue) return;
    const text = this.pieces.join("").trim();
    this.pieces = [];
    if (text !== "") this.parseAndEmit(text);
  }

  /** Keeps `text[from, to)` of the line or value being read, up to the bound. */
  private keep(text: string, from: number, to: number): number {
    if (to > from) {
      this.chars += to - from;
      if (this.chars <= this.maxChars) this.pieces.push(text.slice(from, to));
      else if (this.state === State.Prefix || this.state === State.Bracket) {
        if (!this.lineHadValue)
          throw new JsonValuesError(this.start, `no JSON object in the first ${this.maxChars} characters`);
        this.pieces = [];
      } else this.pieces = [];
    }
    return to;
  }

  /**
   * An object: a whole line `{…}` (an array element may end with a comma) is parsed as it
   * is; anything else is read character by character.
   */
  private startObject(text: string, index: number, inArray: boolean): number {
    const newline = text.indexOf("\n", index);
    if (newline !== -1) {
      let end = newline;
      while (end > index && isSpace(text.charCodeAt(end - 1))) end--;
      if (inArray && text.charCodeAt(end - 1) === COMMA) end--;
      if (text.charCodeAt(end - 1) === CLOSE_BRACE && end - index <= this.maxChars) {
        let value: unknown;
        let parsed = true;
        try {
          value = JSON.parse(text.slice(index, end));
        } catch {
          parsed = false; // several values on the line, or a broken one: read it character by character
        }
        if (parsed) {
          this.lineHadValue = true;
          this.emit(value, this.line);
          return end;
        }
      }
    }
    return this.startValue(text, index, inArray);
  }

  private startValue(text: string, index: number, inArray: boolean): number {
    const code = text.charCodeAt(index);
    // The one character no value starts with that reaches here (space, commas and the other brackets do not).
    if (code === CLOSE_BRACE) throw new JsonValuesError(this.line, 'not valid JSON (a "}" where a value should be)');
    this.state = State.Value;
    this.inArray = inArray;
    this.kind = code === OPEN_BRACE || code === OPEN_BRACKET ? Kind.Nested : code === QUOTE ? Kind.Text : Kind.Bare;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.pieces = [];
    this.chars = 0;
    this.start = this.line;
    this.lineHadValue = true;
    return this.inValue(text, index);
  }

  /** Inside a value: finds where it ends, keeping its text up to the bound. */
  private inValue(text: string, from: number): number {
    let index = from;
    if (this.kind === Kind.Bare) {
      while (index < text.length && !endsBare(text.charCodeAt(index))) index++;
      this.keep(text, from, index);
      if (index < text.length) this.finishValue();
      return index;
    }
    const textOnly = this.kind === Kind.Text;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) {
          this.inString = false;
          if (textOnly) break;
        } else if (code === NEWLINE) this.line++;
      } else if (code === QUOTE) this.inString = true;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth++;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (--this.depth === 0) break;
      } else if (code === NEWLINE) this.line++;
    }
    if (index === text.length) return this.keep(text, from, index);
    this.keep(text, from, index + 1);
    this.finishValue();
    return index + 1;
  }

  /** A value has ended: parsed and reported, or reported as cut. */
  private finishValue(): void {
    this.state = this.inArray ? State.Array : State.Top;
    if (this.chars > this.maxChars) {
      this.values++;
      this.on.cut(this.start, this.chars);
      return;
    }
    const text = this.pieces.join("");
    this.pieces = [];
    this.parseAndEmit(text);
  }

  /** `text` as the value it holds, emitted at the line it started on; one error line when it is not JSON. */
  private parseAndEmit(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new JsonValuesError(this.start, `not valid JSON (${parseError(error)})`);
    }
    this.emit(value, this.start);
  }

  private emit(value: unknown, line: number): void {
    this.values++;
    this.on.value(value, line);
  }
}
