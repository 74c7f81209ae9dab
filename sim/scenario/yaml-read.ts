/**
 * Reading YAML safely: the core schema only (no tags beyond it), duplicate keys refused, and
 * nesting bounded before the document is composed. yaml's composer recurses once per level; a
 * few thousand `[` (a dozen kilobytes) overflow the stack, and after such an overflow V8 has been
 * seen to abort the whole process (Node 20), which no try/catch can stop. yaml's tokenizer and
 * parser are iterative, so the depth is measured on their output and composing only follows
 * when it is small. A scenario is at most 7 levels deep.
 */
import { Composer, LineCounter, Parser, YAMLParseError, type CST, type Document } from 'yaml';

export const MAX_DEPTH = 64;

export const YAML_OPTIONS = {
  schema: 'core',
  // Without this, the core schema would still read !!binary, !!set, !!timestamp and friends.
  resolveKnownTags: false,
  uniqueKeys: true,
} as const;

export type YamlRead =
  | { ok: true; doc: Document.Parsed; lines: LineCounter }
  | { ok: false; tooDeep: true; offset: number; lines: LineCounter };

/** One document, as `parseDocument` would give it, unless it nests more than MAX_DEPTH levels. */
export function readYaml(text: string): YamlRead {
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const deep = firstTooDeep(tokens);
  if (deep !== undefined) return { ok: false, tooDeep: true, offset: deep, lines };

  const composer = new Composer(YAML_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) {
      doc = next;
    } else {
      const message = 'the file holds more than one YAML document, separated by ---; expected one';
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', message));
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document, even for an empty text.
  return { ok: true, doc: doc as Document.Parsed, lines };
}

/** The offset of the first token nested deeper than MAX_DEPTH, or undefined. Iterative on purpose. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) return 'offset' in token ? token.offset : 0;
    const push = (child: CST.Token | null | undefined, d: number) => {
      if (child) stack.push({ token: child, depth: d });
    };
    switch (token.type) {
      case 'document':
        push(token.value, depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items) {
          push(item.key, depth + 1);
          push(item.value, depth + 1);
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}
