/** The operations of the app's own OpenAPI document, and a plausible value for each schema. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: string;
  /** The path template, e.g. /api/v1/tasks/{id}/decide. */
  path: string;
  pathParams: string[];
  queryParams: Array<{ name: string; schema: Schema }>;
  /** The JSON body's schema, refs resolved one level at a time by plausibleValue. */
  body?: Schema;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

export function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    current = document.components?.schemas?.[current.$ref.split('/').pop()!] ?? {};
  }
  const merged = current.allOf ?? current.oneOf ?? current.anyOf;
  return merged ? resolve(document, merged[0]) : current;
}

/** A value the schema would accept at first sight (the fuzzer then breaks one part of it). */
export function plausibleValue(document: OpenApiDocument, schema: Schema | undefined, depth = 0): unknown {
  const resolved = resolve(document, schema);
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.enum?.length) return resolved.enum[0];
  switch (resolved.type) {
    case 'string':
      return resolved.format === 'date-time' ? '2026-11-02T09:00:00Z' : 'fuzz';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : [plausibleValue(document, resolved.items, depth + 1)];
    default: {
      if (!resolved.properties || depth > 4) return {};
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(resolved.properties)) value[name] = plausibleValue(document, property, depth + 1);
      return value;
    }
  }
}
