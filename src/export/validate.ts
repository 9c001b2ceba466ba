/**
 * Checks a document against the export contract (JSON Schema draft 2020-12, export.schema.json beside this file: a
 * copy of the shared spec, so the package needs nothing outside itself at run time).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import schema from './export.schema.json' with { type: 'json' };

// ajv-formats is CommonJS: its function is the module itself and also its `default`.
const addFormats = addFormatsModule.default;

export { schema as exportSchema };

export interface ExportValidationError {
  /** JSON Pointer to the offending value ("" for the document itself). */
  path: string;
  message: string;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function describe(e: ErrorObject): ExportValidationError {
  const params = e.keyword === 'additionalProperties' || e.keyword === 'required' || e.keyword === 'enum' || e.keyword === 'const' ? ` ${JSON.stringify(e.params)}` : '';
  return { path: e.instancePath, message: `${e.message ?? e.keyword}${params}` };
}

/** The ways `doc` breaks the export contract; an empty list when it is a valid rasd export. */
export function validateExport(doc: unknown): ExportValidationError[] {
  const validate = validator();
  if (validate(doc)) return [];
  return (validate.errors ?? []).map(describe);
}
