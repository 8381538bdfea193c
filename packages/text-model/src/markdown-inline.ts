/**
 * Strips CommonMark inline markup (emphasis, strong, strikethrough, code spans, links,
 * images, autolinks, raw HTML, entities, backslash escapes) and keeps the visible text.
 * A focused subset of the spec: enough for prose, not a full inline parser.
 */
export function stripInline(source: string): string {
  const tokens = tokenise(source);
  matchEmphasis(tokens);
  let out = "";
  for (const token of tokens) {
    if (token.kind === "text") out += token.value;
    else if (token.kind === "delim") out += token.char.repeat(token.count);
    else if (!token.removed) out += token.value;
  }
  return out.replace(/[ \t]+/g, " ").trim();
}

type Token =
  | { kind: "text"; value: string }
  | { kind: "bracket"; value: string; removed: boolean }
  | {
      kind: "delim";
      char: "*" | "_" | "~";
      count: number;
      canOpen: boolean;
      canClose: boolean;
    };

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const punctuation = /[\p{P}\p{S}]/u;
const whitespace = /\s/;
const namedEntities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  copy: "©",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  laquo: "«",
  raquo: "»",
  zwnj: "\u200c",
  zwj: "\u200d",
  lrm: "\u200e",
  rlm: "\u200f",
};

function tokenise(s: string): Token[] {
  const tokens: Token[] = [];
  const openers: number[] = [];
  const text = (value: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "text") last.value += value;
    else tokens.push({ kind: "text", value });
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < s.length && asciiPunctuation.test(s[i + 1]!)) {
      text(s[i + 1]!);
      i += 2;
    } else if (c === "`") {
      const run = runLength(s, i, "`");
      const close = findBacktickRun(s, i + run, run);
      if (close === -1) {
        text("`".repeat(run));
        i += run;
      } else {
        let code = s.slice(i + run, close);
        if (/^ .*[^ ].* $/s.test(code)) code = code.slice(1, -1);
        text(code);
        i = close + run;
      }
    } else if (c === "<") {
      const auto = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/.exec(
        s.slice(i),
      );
      const html = /^<(\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?|!--[\s\S]*?--)>/.exec(s.slice(i));
      if (auto) {
        text(auto[1]!);
        i += auto[0].length;
      } else if (html) {
        i += html[0].length;
      } else {
        text(c);
        i++;
      }
    } else if (c === "&") {
      const entity = /^&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(
        s.slice(i),
      );
      const decoded = entity ? decodeEntity(entity[1]!) : undefined;
      if (entity && decoded !== undefined) {
        text(decoded);
        i += entity[0].length;
      } else {
        text(c);
        i++;
      }
    } else if (c === "[" || (c === "!" && s[i + 1] === "[")) {
      const value = c === "[" ? "[" : "![";
      openers.push(tokens.length);
      tokens.push({ kind: "bracket", value, removed: false });
      i += value.length;
    } else if (c === "]") {
      const tail = linkTail(s, i + 1);
      const opener = openers.pop();
      if (opener !== undefined && tail > 0) {
        (tokens[opener] as { removed: boolean }).removed = true;
        i += 1 + tail;
      } else {
        text(c);
        i++;
      }
    } else if (c === "*" || c === "_" || c === "~") {
      const count = runLength(s, i, c);
      const before = i === 0 ? " " : s[i - 1]!;
      const after = i + count >= s.length ? " " : s[i + count]!;
      const left =
        !whitespace.test(after) &&
        (!punctuation.test(after) || whitespace.test(before) || punctuation.test(before));
      const right =
        !whitespace.test(before) &&
        (!punctuation.test(before) || whitespace.test(after) || punctuation.test(after));
      const underscore = c === "_";
      tokens.push({
        kind: "delim",
        char: c,
        count,
        canOpen: underscore ? left && (!right || punctuation.test(before)) : left,
        canClose: underscore ? right && (!left || punctuation.test(after)) : right,
      });
      i += count;
    } else {
      text(c);
      i++;
    }
  }
  return tokens;
}

function runLength(s: string, from: number, char: string): number {
  let end = from;
  while (s[end] === char) end++;
  return end - from;
}

function findBacktickRun(s: string, from: number, length: number): number {
  for (let i = s.indexOf("`", from); i !== -1; i = s.indexOf("`", i)) {
    const run = runLength(s, i, "`");
    if (run === length) return i;
    i += run;
  }
  return -1;
}

/** Length of a link's `(destination "title")`, `[ref]` or `[]` right after `]`, else 0. */
function linkTail(s: string, from: number): number {
  if (s[from] === "(") {
    let depth = 0;
    for (let i = from; i < s.length; i++) {
      if (s[i] === "\\") i++;
      else if (s[i] === "(") depth++;
      else if (s[i] === ")" && --depth === 0) return i + 1 - from;
    }
    return 0;
  }
  const ref = /^\[[^\]]{0,999}\]/.exec(s.slice(from));
  return ref ? ref[0].length : 0;
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith("#")) {
    const code =
      body[1] === "x" || body[1] === "X"
        ? Number.parseInt(body.slice(2), 16)
        : Number(body.slice(1));
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
    return String.fromCodePoint(code);
  }
  return namedEntities[body];
}

/** Pairs emphasis delimiters (nearest opener of the same character) and drops what paired. */
function matchEmphasis(tokens: Token[]): void {
  for (let c = 0; c < tokens.length; c++) {
    const closer = tokens[c]!;
    if (closer.kind !== "delim" || !closer.canClose) continue;
    for (let o = c - 1; o >= 0 && closer.count > 0; o--) {
      const opener = tokens[o]!;
      if (opener.kind !== "delim" || !opener.canOpen || opener.char !== closer.char) continue;
      if (opener.count === 0) continue;
      if (closer.char === "~" && (opener.count > 2 || closer.count > 2)) continue;
      const used = Math.min(opener.count, closer.count);
      opener.count -= used;
      closer.count -= used;
    }
  }
}
