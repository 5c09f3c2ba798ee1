import fc from 'fast-check';

/** The subset of JSON Schema that zod writes into the OpenAPI document for request bodies and params. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
}

// Text the way users type it: Chinese, Latin, digits, punctuation, the odd emoji and markup.
const CHARS = [...'风电光伏铝棒新材料项目有限公司县市园区示例测试abcXYZ0123456789 -_.,()《》、:;<>&"\'😀'];
const text = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...CHARS), minLength: min, maxLength: Math.min(max, min + 40) });

/** An arbitrary that produces values valid against the schema (business rules aside). */
export function arbitraryFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const base = baseArbitrary(schema);
  return schema.nullable ? fc.oneof(fc.constant(null), base) : base;
}

function baseArbitrary(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map(arbitraryFor));
  if (s.allOf?.length) return arbitraryFor(s.allOf[0]);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date') return fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'date-time') return fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'email') return fc.emailAddress();
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));
      return text(s.minLength ?? 0, s.maxLength ?? 60);
    case 'integer': {
      const min = Math.max(Number(s.minimum ?? -1_000_000), Number.MIN_SAFE_INTEGER);
      const max = Math.min(Number(s.maximum ?? 1_000_000), Number.MAX_SAFE_INTEGER);
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 1000) }), fc.constantFrom(min, max));
    }
    case 'number':
      return fc.double({ min: Number(s.minimum ?? -1e6), max: Number(s.maximum ?? 1e6), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(s.items ? arbitraryFor(s.items) : fc.anything(), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, (s.minItems ?? 0) + 5) });
    case 'object': {
      const props = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryFor(v)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** Bodies that break the schema: a wrong type for one field, a missing required one, junk JSON, oversize text. */
export function invalidFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const valid = arbitraryFor(schema);
  const keys = Object.keys(schema.properties ?? {});
  const junk = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.constant('x'.repeat(20_000)), fc.constant({ $ne: 1 }));
  const arbitraries: fc.Arbitrary<unknown>[] = [fc.anything({ maxDepth: 2 }), junk];
  if (keys.length > 0) {
    arbitraries.push(
      fc.tuple(valid, fc.constantFrom(...keys), junk).map(([body, key, value]) => ({ ...(body as object), [key]: value })),
      fc.tuple(valid, fc.constantFrom(...keys)).map(([body, key]) => ({ ...(body as object), [`${key}_extra`]: 1 })),
    );
  }
  const required = schema.required ?? [];
  if (required.length > 0) {
    arbitraries.push(fc.tuple(valid, fc.constantFrom(...required)).map(([body, key]) => Object.fromEntries(Object.entries(body as object).filter(([k]) => k !== key))));
  }
  return fc.oneof(...arbitraries);
}
