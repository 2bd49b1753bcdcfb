/**
 * JSON Schemas of flow and selector files, for editors (yaml-language-server autocompletes and
 * underlines mistakes). Derived from the same zod schemas the parser uses, so they cannot drift.
 */
import { z } from 'zod';
import { selectorFileSchema } from '../core/selectors.js';
import { commonFieldsSchema } from '../steps/common.js';
import { STEPS } from '../steps/index.js';
import { flowHeaderSchema } from './flow.js';
import { screensFileSchema } from './screens.js';

type Json = Record<string, unknown>;

function toJson(schema: z.ZodType): Json {
  const j = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  delete j.$schema;
  return j;
}

/** The fields every step has, from the same zod schema the parser uses. */
const common = (): Json => toJson(commonFieldsSchema).properties as Json;

/** The JSON Schema of a step list item. */
function stepItemSchema(): Json {
  const names = Object.keys(STEPS);
  const forms: Json[] = [{ type: 'string', enum: names }];
  for (const [name, kind] of Object.entries(STEPS)) {
    const args = toJson(kind.args as z.ZodType);
    const props: Json = { ...((args.properties as Json) ?? {}), ...common() };
    for (const key of kind.nested ?? []) props[key] = { $ref: '#/$defs/steps' };
    const map = { ...args, properties: props, additionalProperties: false };
    forms.push({
      type: 'object',
      description: kind.summary,
      properties: {
        [name]: kind.shorthand ? { anyOf: [map, { type: ['string', 'number', 'boolean', 'null'] }] } : map,
      },
      required: [name],
      additionalProperties: false,
    });
  }
  return { anyOf: forms };
}

/** The flow file schema. */
export function flowJsonSchema(): Json {
  const header = toJson(flowHeaderSchema);
  const props = header.properties as Json;
  props.steps = { $ref: '#/$defs/steps' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'draftvault flow',
    ...header,
    $defs: { steps: { type: 'array', items: { $ref: '#/$defs/step' } }, step: stepItemSchema() },
  };
}

/** The screens file schema. */
export function screensJsonSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'draftvault screens',
    ...toJson(screensFileSchema),
  };
}

/** The selector file schema. */
export function selectorsJsonSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'draftvault selectors',
    ...toJson(selectorFileSchema),
  };
}
