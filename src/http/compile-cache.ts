// Compiled request validators and response serializers, kept per schema object for the life of the process.
// Route schemas are module constants, so every app built in one process (the test suite builds hundreds, on two
// dialects) compiles each schema once instead of once per app; one production app compiles what it did before.
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fastJsonStringify from 'fast-json-stringify';

type Serializer = (data: unknown) => string;

function createAjv(options: Options): Ajv {
  const ajv = new Ajv(options);
  addFormats(ajv);
  return ajv;
}

/** One Ajv instance and its compiled functions by schema. Schemas carry no `$id` and `addUsedSchema` is off, so compiling one never changes how another compiles. */
export function cachedValidatorCompiler(options: Options): { compile: (schema: object) => ValidateFunction; errorsText: Ajv['errorsText'] } {
  const ajv = createAjv({ ...options, addUsedSchema: false });
  const compiled = new WeakMap<object, ValidateFunction>();
  return {
    compile(schema) {
      let validate = compiled.get(schema);
      if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
      return validate;
    },
    errorsText: (errors) => ajv.errorsText(errors),
  };
}

const serializers = new WeakMap<object, Serializer>();

/** fast-json-stringify, as Fastify's own serializer compiler runs it (no shared schemas here), once per schema. */
export function cachedSerializer(schema: object): Serializer {
  let serialize = serializers.get(schema);
  if (!serialize) serializers.set(schema, (serialize = fastJsonStringify(schema) as Serializer));
  return serialize;
}
