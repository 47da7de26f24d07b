/** A JSON Schema node as `z.toJSONSchema` emits it (the parts the docs read). */
export interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
}

/** A short human type for a docs table: `integer (1–365)`, `list of string`, `` `calendar` or mapping``. */
export function describeJsonSchemaType(node: JsonSchemaNode): string {
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (node.enum) return node.enum.map((value) => `\`${String(value)}\``).join(', ');
  if (node.anyOf) return [...new Set(node.anyOf.map(describeJsonSchemaType))].join(' or ');
  if (node.format === 'date') return 'date';
  if (node.format === 'date-time') return 'date-time';
  const type = Array.isArray(node.type) ? node.type.join(' or ') : node.type;
  if (type === 'array') return `list of ${node.items ? describeJsonSchemaType(node.items) : 'values'}`;
  if (type === 'object') return 'mapping';
  if ((type === 'number' || type === 'integer') && node.minimum !== undefined) {
    const safeMaximum = node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
    return safeMaximum === undefined ? `${type} ≥ ${node.minimum}` : `${type} (${node.minimum}–${safeMaximum})`;
  }
  return type ?? 'any';
}

/** A default value as a docs table shows it: inline YAML-ish JSON in backticks, `—` when there is none. */
export function formatDefault(value: unknown): string {
  if (value === undefined) return '—';
  return `\`${JSON.stringify(value)}\``;
}

/** Escapes a table cell: pipes and line breaks. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
