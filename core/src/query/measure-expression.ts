/**
 * @module The grammar of measure expressions: numbers, measure names, + - * / and parentheses.
 * Parsed into a tree and compiled to SQL node by node: never `eval`, never spliced text.
 */

export type ExpressionNode =
  | { kind: 'number'; value: number }
  | { kind: 'measure'; name: string }
  | { kind: 'negate'; operand: ExpressionNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: ExpressionNode; right: ExpressionNode };

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

type Token = { type: 'num' | 'name' | 'op' | 'lparen' | 'rparen'; text: string; pos: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/])|(\()|(\)))/y;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) {
      const at = pos + (text.slice(pos).length - text.slice(pos).trimStart().length);
      throw new ExpressionSyntaxError(`unexpected '${text[at]}' at character ${at + 1}`, at);
    }
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').length;
    if (m[1] !== undefined) tokens.push({ type: 'num', text: m[1], pos: at });
    else if (m[2] !== undefined) tokens.push({ type: 'name', text: m[2], pos: at });
    else if (m[3] !== undefined) tokens.push({ type: 'op', text: m[3], pos: at });
    else if (m[4] !== undefined) tokens.push({ type: 'lparen', text: '(', pos: at });
    else tokens.push({ type: 'rparen', text: ')', pos: at });
    pos = re.lastIndex;
  }
  return tokens;
}

/** expr := term (('+'|'-') term)* ; term := factor (('*'|'/') factor)* ; factor := num | name | '-' factor | '(' expr ')' */
export function parseExpression(text: string): ExpressionNode {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (what: string): never => {
    const token = peek();
    throw new ExpressionSyntaxError(
      token ? `${what}, found '${token.text}' at character ${token.pos + 1}` : `${what} at the end`,
      token?.pos ?? text.length,
    );
  };
  const factor = (): ExpressionNode => {
    const token = peek();
    if (!token) return fail('expected a number, a measure name or (');
    i++;
    if (token.type === 'num') return { kind: 'number', value: Number(token.text) };
    if (token.type === 'name') return { kind: 'measure', name: token.text };
    if (token.type === 'op' && token.text === '-') return { kind: 'negate', operand: factor() };
    if (token.type === 'lparen') {
      const inner = expr();
      if (peek()?.type !== 'rparen') fail("expected ')'");
      i++;
      return inner;
    }
    i--;
    return fail('expected a number, a measure name or (');
  };
  const term = (): ExpressionNode => {
    let left = factor();
    while (peek()?.type === 'op' && (peek()?.text === '*' || peek()?.text === '/')) {
      const op = (tokens[i++] as Token).text as '*' | '/';
      left = { kind: 'binary', op, left, right: factor() };
    }
    return left;
  };
  const expr = (): ExpressionNode => {
    let left = term();
    while (peek()?.type === 'op' && (peek()?.text === '+' || peek()?.text === '-')) {
      const op = (tokens[i++] as Token).text as '+' | '-';
      left = { kind: 'binary', op, left, right: term() };
    }
    return left;
  };
  const tree = expr();
  if (i < tokens.length) fail('expected an operator');
  return tree;
}

export function measuresIn(node: ExpressionNode, into: Set<string> = new Set()): Set<string> {
  if (node.kind === 'measure') into.add(node.name);
  else if (node.kind === 'negate') measuresIn(node.operand, into);
  else if (node.kind === 'binary') {
    measuresIn(node.left, into);
    measuresIn(node.right, into);
  }
  return into;
}
