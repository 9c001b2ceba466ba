/** Entities: who and what is named in an article (findMentions) and the same entity across articles (EntityRegistry). */
export { findMentions, type FindOptions } from './find.js';
export { EntityRegistry, type Entity, type RegistryResult } from './registry.js';
export { resolveDescriptor, nationalityOf } from './descriptor.js';
export { skeleton } from './skeleton.js';
