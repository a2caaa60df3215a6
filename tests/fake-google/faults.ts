/**
 * Injected faults: matched against each request before normal handling, counted down by
 * `times`. A fault answers a Google-shaped error for its status, waits, hangs, or answers a 200
 * whose body breaks Google's schema in the way a client must survive (wrong types, missing ids).
 */
import { faultError } from './errors.ts';
import { jsonResponse, lowerKeys, type FakeRequest, type FakeResponse } from './http-types.ts';
import type { Fault } from './types.ts';

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'hang' }
  | { kind: 'delay-then-handle'; delayMs: number }
  | { kind: 'respond'; delayMs: number; response: FakeResponse };

/** Bodies that parse as JSON but violate the resource schema of each method. */
const MALFORMED: Record<string, unknown> = {
  'gmail.users.threads.get': { id: 1234, historyId: 99, messages: [{ id: null, internalDate: 1700000000000, payload: 'none' }] },
  'gmail.users.threads.list': { threads: [{ id: 42, snippet: ['x'] }], resultSizeEstimate: 'many' },
  'gmail.users.messages.get': { id: 7, threadId: null, internalDate: 1700000000000, payload: { headers: 'From: x' } },
  'gmail.users.messages.list': { messages: [{ id: {} }], resultSizeEstimate: -1 },
  'gmail.users.getProfile': { emailAddress: 42, historyId: 1 },
  'gmail.users.labels.list': { labels: [{ id: 3, name: null }] },
  'gmail.users.history.list': { history: 'none', historyId: 5 },
  'gmail.users.labels.create': { id: 12, name: ['Cases'], type: 'USER' },
  'gmail.users.threads.modify': { id: null, historyId: 7, messages: [{ id: 3, labelIds: 'Label_1' }] },
  'gmail.users.messages.modify': { id: 3, threadId: null, labelIds: 'Label_1' },
  'gmail.users.drafts.create': { id: 5, message: { id: null, threadId: 7 } },
  'gmail.users.drafts.update': { id: null, message: 'r1' },
  'gmail.users.drafts.get': { id: 5, message: { id: 7, internalDate: 1700000000000, payload: 'none' } },
  'gmail.users.drafts.list': { drafts: [{ id: 9, message: null }], resultSizeEstimate: 'some' },
};

export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(fault: Fault): void {
    this.faults.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  private matches(fault: Fault, request: FakeRequest): boolean {
    const pathAndQuery = `${request.path}${request.query.size > 0 ? `?${request.query.toString()}` : ''}`;
    return (
      (fault.host === undefined || fault.host.toLowerCase() === request.host) &&
      (fault.method === undefined || fault.method.toUpperCase() === request.method) &&
      (fault.pathIncludes === undefined || pathAndQuery.includes(fault.pathIncludes) || decodeURIComponent(pathAndQuery).includes(fault.pathIncludes))
    );
  }

  /** Takes the first matching fault (counting it down) and says what to do. */
  take(request: FakeRequest, apiMethod: string | null): FaultAction {
    const active = this.faults.find((f) => f.remaining > 0 && this.matches(f.fault, request));
    if (active === undefined) return { kind: 'none' };
    active.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    const { fault } = active;
    const delayMs = fault.delayMs ?? 0;
    if (fault.hang === true) return { kind: 'hang' };
    if (fault.malformed === true) {
      const body = fault.body ?? MALFORMED[apiMethod ?? ''] ?? { error: false, data: 'unexpected' };
      return { kind: 'respond', delayMs, response: jsonResponse(200, body, lowerKeys(fault.headers)) };
    }
    if (fault.status === 200 && fault.body === undefined) return { kind: 'delay-then-handle', delayMs };
    const base = fault.body === undefined ? faultError(fault.status) : jsonResponse(fault.status, fault.body);
    return { kind: 'respond', delayMs, response: { ...base, headers: { ...base.headers, ...lowerKeys(fault.headers) } } };
  }
}
