import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostLimiter, type Release } from './index.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

test('HostLimiter: per-host and total limits hold; a freed slot goes to the oldest waiter whose host has room', async () => {
  const l = new HostLimiter(2, 3);
  const order: string[] = [];
  const held: Release[] = [];
  const take = (host: string, tag: string): void => void l.acquire(host).then((r) => (order.push(tag), held.push(r)));
  take('a', 'a1');
  take('a', 'a2');
  take('a', 'a3'); // a is full
  take('b', 'b1');
  take('b', 'b2'); // total is full
  take('c', 'c1');
  await tick();
  assert.deepEqual(order, ['a1', 'a2', 'b1']);
  assert.deepEqual([l.running(), l.running('a'), l.waiting(), l.waiting('a')], [3, 2, 3, 1]);
  held[0]!(); // a1 done: a3 is oldest, and a has room again
  held[0]!(); // a second call does nothing
  await tick();
  assert.deepEqual(order, ['a1', 'a2', 'b1', 'a3']);
  assert.equal(l.running(), 3);
  held[1]!(); // a2 done: a has nothing waiting, b2 is older than c1
  await tick();
  assert.deepEqual(order.slice(4), ['b2']);
  held[2]!(); // b1 done
  await tick();
  assert.deepEqual(order.slice(5), ['c1']);
  for (const r of held) r();
  assert.deepEqual([l.running(), l.waiting()], [0, 0]);
});

test('HostLimiter: a busy host does not hold back another host', async () => {
  const l = new HostLimiter(1, 2);
  const got: string[] = [];
  for (let i = 0; i < 1000; i++) void l.acquire('busy').then(() => got.push('busy'));
  void l.acquire('other').then(() => got.push('other'));
  await tick();
  assert.deepEqual(got, ['busy', 'other']);
});

test('HostLimiter: refuses limits that are not positive integers', () => {
  assert.throws(() => new HostLimiter(0, 1), RangeError);
  assert.throws(() => new HostLimiter(1, 1.5), RangeError);
});
