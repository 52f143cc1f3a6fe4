import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];

const CACHED = Symbol('chatgrow.validationRulesCached');

/**
 * class-validator finds a class's rules on every validation of every object
 * by scanning all the classes it knows (an `instanceof` per DTO class of the
 * app, then filters): work that grows with the app, paid per request. The
 * rules are fixed once the classes are loaded, so the answer is kept per
 * class and options, and forgotten whenever a rule or schema is added. The
 * lists returned are the library's own (it only reads them).
 */
export function cacheValidationRules(storage: MetadataStorage = getMetadataStorage()): void {
  const target = storage as MetadataStorage & { [CACHED]?: true };
  if (target[CACHED]) return;
  target[CACHED] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let known = new Map<unknown, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    let byOptions = known.get(targetConstructor);
    if (!byOptions) known.set(targetConstructor, (byOptions = new Map()));
    const key = `${targetSchema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookup(targetConstructor, targetSchema, always, strictGroups, groups)));
    return rules;
  };
  for (const method of ['addValidationMetadata', 'addValidationSchema', 'addConstraintMetadata'] as const) {
    const add = storage[method].bind(storage) as (arg: never) => void;
    storage[method] = ((arg: never) => {
      known = new Map();
      add(arg);
    }) as never;
  }
}
