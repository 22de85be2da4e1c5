/**
 * Stage 1 of reading an iCalendar file (RFC 5545 §3.1): unfold physical lines into content
 * lines and split each into name, parameters and value. Pure; never throws.
 *
 *   name *(";" param-name "=" param-value *("," param-value)) ":" value
 *
 * Parameter values may be quoted ("…"), in which case `;`, `:` and `,` inside them are literal.
 * RFC 6868 caret escapes (^n, ^', ^^) in parameter values are decoded.
 */

export interface ContentLine {
  /** Property or component-delimiter name, upper-cased (`DTSTART`, `BEGIN`, `X-WR-CALNAME`). */
  name: string;
  /** Parameter names upper-cased; each value list as written (quotes removed). */
  params: Record<string, string[]>;
  /** The raw value after the first unquoted colon (not unescaped: that depends on the type). */
  value: string;
  /** 1-based number of the physical line where this content line starts. */
  line: number;
}

export interface LineProblem {
  line: number;
  message: string;
}

export interface UnfoldedLine {
  text: string;
  line: number;
}

/**
 * Split text into logical lines: CRLF, LF or lone CR end a line; a line that starts with a
 * space or tab continues the previous one (the one whitespace character is removed). Empty
 * lines are dropped. A byte-order mark is ignored.
 */
export function unfoldLines(text: string): UnfoldedLine[] {
  const out: UnfoldedLine[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let lineNo = 0;
  let pos = 0;
  const n = src.length;
  let current: string[] | null = null;
  let currentLine = 0;
  while (pos <= n) {
    let end = pos;
    while (end < n) {
      const c = src.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    const physical = src.slice(pos, end);
    lineNo++;
    if (end < n && src.charCodeAt(end) === 13 && src.charCodeAt(end + 1) === 10) pos = end + 2;
    else pos = end + 1;
    const first = physical.charCodeAt(0);
    if ((first === 32 || first === 9) && current) {
      current.push(physical.slice(1));
      continue;
    }
    if (current) out.push({ text: current.join(''), line: currentLine });
    current = null;
    if (physical.trim() === '') continue;
    current = [physical];
    currentLine = lineNo;
  }
  if (current) out.push({ text: current.join(''), line: currentLine });
  return out;
}

/** A-Z, a-z, 0-9 and "-": the characters of property and parameter names. */
function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

function decodeParamValue(v: string): string {
  if (!v.includes('^')) return v;
  return v.replace(/\^(\^|n|N|')/g, (_, c: string) => (c === '^' ? '^' : c === "'" ? '"' : '\n'));
}

/** Parse one unfolded line. Returns a problem (with the line number) instead of throwing. */
export function parseContentLine(u: UnfoldedLine): ContentLine | LineProblem {
  const s = u.text;
  let i = 0;
  while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
  if (i === 0) return { line: u.line, message: `Line ${u.line} is not an iCalendar property ("${preview(s)}").` };
  const name = s.slice(0, i).toUpperCase();
  const params: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  while (i < s.length && s[i] === ';') {
    i++;
    const start = i;
    while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
    const pname = s.slice(start, i).toUpperCase();
    if (!pname || s[i] !== '=') {
      return { line: u.line, message: `Line ${u.line}: malformed parameter in ${name} ("${preview(s)}").` };
    }
    i++;
    const values: string[] = [];
    for (;;) {
      if (s[i] === '"') {
        const close = s.indexOf('"', i + 1);
        if (close < 0) return { line: u.line, message: `Line ${u.line}: unterminated quoted parameter in ${name}.` };
        values.push(decodeParamValue(s.slice(i + 1, close)));
        i = close + 1;
      } else {
        const start2 = i;
        while (i < s.length && s[i] !== ',' && s[i] !== ';' && s[i] !== ':') {
          const c = s.charCodeAt(i);
          if (c === 34 || c < 32) {
            if (c !== 9)
              return { line: u.line, message: `Line ${u.line}: invalid character in parameter ${pname} of ${name}.` };
          }
          i++;
        }
        values.push(decodeParamValue(s.slice(start2, i)));
      }
      if (s[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    const existing = params[pname];
    if (existing) existing.push(...values);
    else params[pname] = values;
  }
  if (s[i] !== ':') return { line: u.line, message: `Line ${u.line}: expected ":" after ${name} ("${preview(s)}").` };
  return { name, params, value: s.slice(i + 1), line: u.line };
}

export function isProblem(x: ContentLine | LineProblem): x is LineProblem {
  return (x as LineProblem).message !== undefined;
}

function preview(s: string): string {
  const t = s.replace(/\p{Cc}/gu, ' ');
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** First value of a parameter, or undefined. */
export function param(line: ContentLine, name: string): string | undefined {
  return line.params[name]?.[0];
}

/**
 * Unescape a TEXT value (§3.3.11): `\\` → `\`, `\;` → `;`, `\,` → `,`, `\n`/`\N` → newline.
 * An unknown escape keeps the character after the backslash.
 */
export function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\(.?)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Split a TEXT list on unescaped commas, then unescape each item. */
export function splitTextList(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      cur += c + value[i + 1];
      i++;
    } else if (c === ',') {
      out.push(unescapeText(cur));
      cur = '';
    } else cur += c;
  }
  out.push(unescapeText(cur));
  return out;
}
