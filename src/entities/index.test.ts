import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as entities from './index.js';

test('public API', () => {
  assert.deepEqual(Object.keys(entities).sort(), ['EntityRegistry', 'findMentions', 'nationalityOf', 'resolveDescriptor', 'skeleton']);
  const mentions = entities.findMentions('قال الناطق الرئاسي الروسي ديمتري بيسكوف إن موسكو مستعدة.');
  assert.deepEqual(mentions, [
    { text: 'ديمتري بيسكوف', start: 26, end: 39, type: 'person', roles: ['الناطق الرئاسي الروسي'] },
    { text: 'موسكو', start: 43, end: 48, type: 'location', roles: [] },
  ]);
  const registry = new entities.EntityRegistry();
  const keys = registry.add(mentions);
  const { entities: list, resolve } = registry.finish();
  assert.deepEqual(list.map((e) => Object.keys(e)), [['id', 'type', 'name', 'variants', 'roles'], ['id', 'type', 'name', 'variants', 'roles']]);
  assert.deepEqual(keys.map(resolve), list.map((e) => e.id));
  assert.equal(entities.resolveDescriptor('الناطق الرئاسي', mentions), 0);
});
