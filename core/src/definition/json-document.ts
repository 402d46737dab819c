/** @module JSON files parsed with positions, so every error can name a line and a column. */
import { findNodeAtLocation, getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { VitrinaError } from '../errors/index.js';

export interface JsonDocument {
  file: string;
  value: unknown;
  /** 1-based line and column of the node at a JSON pointer (its key, for object members). */
  locate(pointer: string): { line: number; column: number };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function pathToPointer(path: readonly (string | number)[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Parses strict JSON (no comments, no trailing commas: the files are read by other JSON tools
 * too). Every syntax error of the file is reported at once.
 */
export function parseJsonDocument(text: string, file: string): JsonDocument {
  const starts = lineStarts(text);
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = body === text ? 0 : 1;
  const root: Node | undefined = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  if (root && errors.length === 0) errors.push(...duplicateKeys(root));
  if (errors.length > 0 || !root) {
    // The parser may report one mistake twice at the same spot (a trailing comma); keep the first.
    const unique = (errors.length ? errors : [{ error: 4, offset: 0, length: 0 } as ParseError]).filter(
      (e, i, all) => all.findIndex((x) => x.offset === e.offset) === i,
    );
    const problems = unique.map((e) => {
      const { line, column } = positionOf(starts, e.offset + shift);
      const what =
        (e.error as number) === DUPLICATE_KEY
          ? `duplicate property ${text.slice(e.offset + shift, e.offset + shift + e.length)}`
          : (trailingComma(body, e.offset) ?? describeParseError(printParseErrorCode(e.error)));
      (e.error as number) === DUPLICATE_KEY
        ? `duplicate property ${text.slice(e.offset + shift, e.offset + shift + e.length)}`
        : describeParseError(printParseErrorCode(e.error));
      return new VitrinaError('JSON_SYNTAX', `invalid JSON: ${what}`, {
        file,
        line,
        column,
        hint:
          (e.error as number) === DUPLICATE_KEY
            ? 'remove one of the two: JSON readers would silently keep the last'
            : 'JSON allows no comments or trailing commas, and strings need double quotes',
      });
    });
    const [first, ...rest] = problems;
    throw new VitrinaError('JSON_SYNTAX', (first as VitrinaError).message, {
      ...(first as VitrinaError).location,
      hint: first?.hint,
      problems: rest,
    });
  }
  return {
    file,
    value: getNodeValue(root),
    locate(pointer) {
      const path = pointerToPath(pointer);
      let node: Node | undefined = findNodeAtLocation(root, path);
      // For a missing member, point at the closest existing ancestor.
      for (let n = path.length; !node && n > 0; n--) node = findNodeAtLocation(root, path.slice(0, n - 1));
      const target = node?.parent?.type === 'property' ? node.parent : node;
      return positionOf(starts, (target?.offset ?? 0) + shift);
    },
  };
}

/** "a trailing comma before '}'" when the error sits on a closing bracket right after a comma. */
function trailingComma(text: string, offset: number): string | undefined {
  const close = text[offset];
  if (close !== '}' && close !== ']') return undefined;
  return /,\s*$/.test(text.slice(0, offset)) ? `a trailing comma before '${close}'` : undefined;
}

/** Our own code for a key written twice in one object (JSON parsers silently keep the last). */
const DUPLICATE_KEY = -1;

function duplicateKeys(root: Node): ParseError[] {
  const found: ParseError[] = [];
  const visit = (node: Node) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (key && typeof key.value === 'string') {
          if (seen.has(key.value)) found.push({ error: DUPLICATE_KEY as ParseError['error'], offset: key.offset, length: key.length });
          seen.add(key.value);
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return found;
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: "':' was expected",
    CommaExpected: "',' was expected",
    CloseBraceExpected: "'}' was expected",
    CloseBracketExpected: "']' was expected",
    EndOfFileExpected: 'unexpected content after the end of the document',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return words[code] ?? code;
}
