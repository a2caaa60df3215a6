/**
 * The control API over HTTP for out-of-process callers (the demo script). It answers only when
 * the Host is 127.0.0.1 or localhost, so nothing behind a Google hostname can reach it.
 * JSON in and out; bodies are zod-validated and a bad one answers 400 with the issues.
 */
import type { z } from 'zod';
import { demoSeed } from './demo-mailbox.ts';
import { jsonResponse, type FakeRequest, type FakeResponse } from './http-types.ts';
import {
  accountBodySchema, addMessageBodySchema, addThreadBodySchema, clockBodySchema, consentModeBodySchema,
  createLabelBodySchema, editDraftBodySchema, faultSchema, latencyBodySchema, modifyThreadBodySchema, seedSchema,
} from './seed-schema.ts';
import type { FakeGoogleControl, Seed } from './types.ts';

class BadRequest extends Error {
  constructor(message: string, readonly issues: unknown) {
    super(message);
  }
}

function parseBody<T>(schema: z.ZodType<T>, request: FakeRequest): T {
  let json: unknown;
  try {
    json = request.body.length === 0 ? {} : JSON.parse(request.body.toString('utf8'));
  } catch {
    throw new BadRequest('body is not JSON', []);
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new BadRequest('invalid body', result.error.issues);
  return result.data;
}

function resetSeed(request: FakeRequest): Seed | undefined {
  if (request.query.get('seed') === 'demo') return demoSeed;
  if (request.body.length === 0) return undefined;
  return parseBody(seedSchema, request);
}

const ok = (value: unknown = { ok: true }): FakeResponse => jsonResponse(200, value);

function accountParam(request: FakeRequest): string {
  const account = request.query.get('account');
  if (account === null) throw new BadRequest('missing ?account=', []);
  return account;
}

function route(control: FakeGoogleControl, request: FakeRequest): FakeResponse {
  const key = `${request.method} ${request.path.replace(/\/+$/, '')}`;
  switch (key) {
    case 'POST /__control/reset':
      control.reset(resetSeed(request));
      return ok();
    case 'POST /__control/revoke':
      control.revokeGrant(parseBody(accountBodySchema, request).accountEmail);
      return ok();
    case 'POST /__control/expire':
      control.expireTokens(parseBody(accountBodySchema, request).accountEmail);
      return ok();
    case 'POST /__control/faults':
      control.addFault(parseBody(faultSchema, request));
      return ok();
    case 'DELETE /__control/faults':
      control.clearFaults();
      return ok();
    case 'POST /__control/latency':
      control.setLatency(parseBody(latencyBodySchema, request).ms);
      return ok();
    case 'POST /__control/clock':
      control.setNow(parseBody(clockBodySchema, request).now);
      return ok();
    case 'POST /__control/consent-mode':
      control.setConsentMode(parseBody(consentModeBodySchema, request).mode);
      return ok();
    case 'POST /__control/threads': {
      const body = parseBody(addThreadBodySchema, request);
      return ok(control.addThread(body.accountEmail, body.thread));
    }
    case 'POST /__control/messages': {
      const body = parseBody(addMessageBodySchema, request);
      return ok(control.addMessage(body.accountEmail, body.threadId, body.message));
    }
    case 'GET /__control/requests':
      return ok(control.requests());
    case 'DELETE /__control/requests':
      control.clearRequests();
      return ok();
    case 'GET /__control/grants':
      return ok(control.grants());
    case 'GET /__control/issued-tokens':
      return ok(control.issuedTokens());
    case 'GET /__control/revocations':
      return ok(control.revocations());
    case 'GET /__control/mailbox':
      return ok(control.mailbox(accountParam(request)));
    case 'GET /__control/labels':
      return ok(control.labels(accountParam(request)));
    case 'POST /__control/labels': {
      const { accountEmail, name, ...options } = parseBody(createLabelBodySchema, request);
      return ok(control.createLabel(accountEmail, name, options));
    }
    case 'POST /__control/thread-labels': {
      const { accountEmail, threadId, ...change } = parseBody(modifyThreadBodySchema, request);
      return ok(control.modifyThread(accountEmail, threadId, change));
    }
    case 'GET /__control/drafts':
      return ok(control.drafts(accountParam(request)));
    case 'POST /__control/draft-edits': {
      const { accountEmail, draftId, text } = parseBody(editDraftBodySchema, request);
      return ok(control.editDraftInGmail(accountEmail, draftId, text));
    }
    default:
      return jsonResponse(404, { error: `no control route ${key}` });
  }
}

export function handleControl(control: FakeGoogleControl, request: FakeRequest): FakeResponse {
  try {
    return route(control, request);
  } catch (error) {
    if (error instanceof BadRequest) return jsonResponse(400, { error: error.message, issues: error.issues });
    // Unknown accounts/threads and the like: the caller's mistake, reported plainly.
    return jsonResponse(400, { error: error instanceof Error ? error.message : String(error) });
  }
}
