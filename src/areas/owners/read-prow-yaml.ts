import { parseAllDocuments } from 'yaml';

/** The first YAML document of a file as prow's sigs.k8s.io/yaml sees it, or the parse error that makes prow skip it. */
export type ProwYaml = { ok: true; value: unknown } | { ok: false; line: number | null; message: string };

/**
 * Reads YAML the way prow does (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1 scalars (`yes`/`on`/`y` are booleans,
 * `0755` is octal), duplicate keys allowed (the last wins), and only the first document of a multi-document file.
 * Integers come back as `bigint` so that {@link goScalarString} can print them exactly. An empty file is `null`.
 */
export function readProwYaml(content: string): ProwYaml {
  const documents = parseAllDocuments(content, { version: '1.1', uniqueKeys: false, prettyErrors: false, intAsBigInt: true });
  const first = Array.isArray(documents) ? documents[0] : undefined;
  if (!first) return { ok: true, value: null };
  const error = first.errors[0];
  if (error) return { ok: false, line: error.linePos?.[0]?.line ?? null, message: error.message };
  return { ok: true, value: first.toJS({ maxAliasCount: 10_000 }) ?? null };
}

/**
 * What sigs.k8s.io/yaml makes of a scalar decoded into a Go `string`: strings as they are, integers in decimal
 * (`12345` → "12345"), booleans as `true`/`false`, floats as Go's `FormatFloat(f, 'g', -1, 32)` spells them (`.inf`,
 * `.nan` for the specials). `undefined` for values that are not scalars (a Go type error).
 */
export function goScalarString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return formatFloat32(value);
  }
  return undefined;
}

/** Go's `FormatFloat(f, 'g', -1, 32)`: the shortest float32 digits, in exponent form below 1e-4 or from 1e6 on. */
function formatFloat32(value: number): string {
  const f32 = Math.fround(value);
  // The shortest decimal that reads back as the same float32.
  let digits = 1;
  let text = f32.toPrecision(digits);
  while (Math.fround(Number(text)) !== f32 && digits < 9) {
    digits += 1;
    text = f32.toPrecision(digits);
  }
  const shortest = Number(text);
  const exponent = shortest === 0 ? 0 : Math.floor(Math.log10(Math.abs(shortest)));
  if (exponent < -4 || exponent >= 6) {
    const [mantissa, exp] = shortest.toExponential().split('e') as [string, string];
    const sign = exp.startsWith('-') ? '-' : '+';
    const magnitude = exp.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${magnitude}`;
  }
  return String(shortest);
}

/**
 * Go's `encoding/json` key matching for a struct: the field whose name equals the key, else one that equals it
 * case-insensitively (`Approvers:` is `approvers`). Keys are visited in the order sigs.k8s.io/yaml's JSON has them
 * (sorted), so when two spellings of one field appear, the last in that order wins, as in prow.
 */
export function matchGoFields(record: Record<string, unknown>, fields: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const key of Object.keys(record).sort()) {
    const field = fields.includes(key) ? key : fields.find((name) => foldCase(name) === foldCase(key));
    if (field !== undefined) out.set(field, record[key]);
  }
  return out;
}

/** Unicode simple case folding as Go's `bytes.EqualFold` compares keys (`ſ` is `s`, the Kelvin sign is `k`). */
function foldCase(text: string): string {
  return text.replace(/\u017f/g, 's').toLowerCase();
}
