import { fromNotification, MAX_PAYLOAD_BYTES, toNotifications } from './change-notification';
import type { ReadModelsChange } from './read-models-changed';

const at = '2026-12-07T00:00:00.000Z';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('read-model change notifications (PostgreSQL NOTIFY payloads, issue 18)', () => {
  it('carries a change to another replica of the schema, which did not apply it', () => {
    const change: ReadModelsChange = {
      type: 'changed',
      model: 'platform',
      ids: [uuid(1)],
      at,
      nonPublic: [{ id: uuid(1), landCode: 'DE-HH' }],
      appliedHere: true,
    };
    const [payload, ...more] = toNotifications('reporting', 'replica-a', change);
    expect(more).toEqual([]);
    expect(fromNotification(payload, 'reporting', 'replica-b')).toEqual({
      ...change,
      appliedHere: false,
    });
    expect(fromNotification(payload, 'reporting', 'replica-a')).toEqual(change);
  });

  it("ignores another schema's payloads and unreadable ones", () => {
    const findings: ReadModelsChange = { type: 'findings', changed: 1, removed: 0, at };
    const [payload] = toNotifications('reporting_a', 'replica-a', findings);
    expect(fromNotification(payload, 'reporting_a', 'x')).toEqual(findings);
    expect(fromNotification(payload, 'reporting_b', 'x')).toBeNull();
    expect(fromNotification('not json', 'reporting_a', 'x')).toBeNull();
    expect(fromNotification('{}', 'reporting_a', 'x')).toBeNull();
  });

  it('splits a large batch into payloads under 8000 bytes, each id once, its NON_PUBLIC entry beside it', () => {
    const ids = Array.from({ length: 1000 }, (_, n) => uuid(n));
    const nonPublic = ids.filter((_, n) => n % 3 === 0).map((id) => ({ id, landCode: 'DE-BE' }));
    const payloads = toNotifications('reporting', 'a', {
      type: 'changed',
      model: 'dataset',
      ids,
      at,
      nonPublic,
    });
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads)
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const parts = payloads.map((p) => fromNotification(p, 'reporting', 'b'));
    const received = parts.flatMap((p) => (p?.type === 'changed' ? p.ids : []));
    expect(received).toEqual(ids);
    for (const part of parts) {
      if (part?.type !== 'changed') throw new Error('expected changed');
      expect(part.model).toBe('dataset');
      expect(part.nonPublic).toEqual(nonPublic.filter((r) => part.ids.includes(r.id)));
    }
  });
});
