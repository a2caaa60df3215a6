import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type HistoryGmail, createHistoryService } from '../../../utils/background/history-service';
import { GmailError } from '../../../utils/gmail/errors';
import type { GmailThread } from '../../../utils/gmail/schemas';
import { freshDb, resetDb } from '../db/db-helpers';

beforeEach(resetDb);

const ACCOUNT = 'agent@acme.com';
const CUSTOMER = 'ana+vip@cliente.example';
const id = (n: number) => `18c0a1b2c3d4${n.toString(16).padStart(4, '0')}`;
const OPEN = id(0);

/** A thread as Gmail's metadata read gives it: a subject and one message on day `n`. */
function thread(n: number, historyId = '1'): GmailThread {
  return {
    id: id(n),
    historyId,
    messages: [
      {
        id: id(n),
        threadId: id(n),
        internalDate: String(1_700_000_000_000 + n * 86_400_000),
        labelIds: ['INBOX'],
        payload: { headers: [{ name: 'Subject', value: `Order ${n}` }] },
      },
    ],
  };
}

/** A Gmail with `count` threads for the customer, newest (highest n) first, plus the open one. */
function gmailWith(count: number) {
  const historyIds = new Map<string, string>();
  const listed = () => [OPEN, ...Array.from({ length: count }, (_, i) => id(count - i))];
  const gmail = {
    listThreads: vi.fn<HistoryGmail['listThreads']>(async () => ({
      threads: listed().map((threadId) => ({ id: threadId, historyId: historyIds.get(threadId) ?? '1' })),
    })),
    getThreadsForSummary: vi.fn<HistoryGmail['getThreadsForSummary']>(async (ids) => {
      return new Map(ids.map((threadId) => [threadId, thread(parseInt(threadId.slice(-4), 16), historyIds.get(threadId) ?? '1')]));
    }),
  };
  return { gmail, historyIds };
}

function service(gmail: HistoryGmail) {
  return createHistoryService({ db: freshDb, gmailFor: () => gmail, now: () => 42 });
}

const query = (rows: number) => ({ account: ACCOUNT, customer: CUSTOMER, openThreadId: OPEN, rows });

describe('history service', () => {
  it('has nothing cached before the first network read', async () => {
    expect(await service(gmailWith(3).gmail).fromCache(query(5))).toBeNull();
  });

  it('lists with the quoted customer search and reads only the rows asked for and the oldest', async () => {
    const { gmail } = gmailWith(30);
    const view = await service(gmail).fromNetwork(query(5));
    expect(gmail.listThreads).toHaveBeenCalledWith(`from:"${CUSTOMER}" OR to:"${CUSTOMER}" OR cc:"${CUSTOMER}"`, undefined, 500);
    expect(gmail.getThreadsForSummary).toHaveBeenCalledWith([id(30), id(29), id(28), id(27), id(26), id(1)]);
    expect(view).toMatchObject({ total: 30, complete: true, source: 'network', fetchedAt: 42 });
    expect(view.rows.map((row) => row.summary?.subject)).toEqual(['Order 30', 'Order 29', 'Order 28', 'Order 27', 'Order 26']);
    expect(view.firstContactAt).toBe(1_700_000_000_000 + 86_400_000);
    expect(view.lastContactAt).toBe(1_700_000_000_000 + 30 * 86_400_000);
  });

  it('answers from the cache afterwards, with no Gmail call', async () => {
    const { gmail } = gmailWith(30);
    const history = service(gmail);
    const fresh = await history.fromNetwork(query(5));
    gmail.listThreads.mockClear();
    gmail.getThreadsForSummary.mockClear();
    expect(await history.fromCache(query(5))).toEqual({ ...fresh, source: 'cache' });
    expect(gmail.listThreads).not.toHaveBeenCalled();
    expect(gmail.getThreadsForSummary).not.toHaveBeenCalled();
  });

  it('reads again only the threads whose historyId moved', async () => {
    const { gmail, historyIds } = gmailWith(30);
    const history = service(gmail);
    await history.fromNetwork(query(5));
    historyIds.set(id(29), '2');
    gmail.getThreadsForSummary.mockClear();
    await history.fromNetwork(query(5));
    expect(gmail.getThreadsForSummary).toHaveBeenCalledWith([id(29)]);
  });

  it('shows more rows from the saved list without listing again', async () => {
    const { gmail } = gmailWith(30);
    const history = service(gmail);
    await history.fromNetwork(query(5));
    gmail.listThreads.mockClear();
    const more = await history.more(query(8));
    expect(gmail.listThreads).not.toHaveBeenCalled();
    expect(gmail.getThreadsForSummary).toHaveBeenLastCalledWith([id(25), id(24), id(23)]);
    expect(more.rows).toHaveLength(8);
  });

  it('shares one read between identical requests in flight', async () => {
    const { gmail } = gmailWith(3);
    const history = service(gmail);
    await Promise.all([history.fromNetwork(query(5)), history.fromNetwork(query(5))]);
    expect(gmail.listThreads).toHaveBeenCalledTimes(1);
  });

  it('keeps rows Gmail could not give without details, and fails when every read failed', async () => {
    const { gmail } = gmailWith(3);
    gmail.getThreadsForSummary.mockImplementationOnce(async (ids) => {
      const answers = new Map<string, GmailThread | GmailError>(ids.map((threadId) => [threadId, thread(parseInt(threadId.slice(-4), 16))]));
      answers.set(id(2), new GmailError('not-found', 'Requested entity was not found.', 404));
      return answers;
    });
    const history = service(gmail);
    const view = await history.fromNetwork(query(5));
    expect(view.rows.map((row) => row.summary?.subject ?? null)).toEqual(['Order 3', null, 'Order 1']);

    gmail.getThreadsForSummary.mockResolvedValueOnce(new Map([[id(2), new GmailError('server', 'Backend Error', 503)]]));
    await expect(history.fromNetwork(query(5))).rejects.toMatchObject({ kind: 'server' });
  });

  it('lets a refused token through, so the account is purged', async () => {
    const { gmail } = gmailWith(3);
    gmail.getThreadsForSummary.mockResolvedValueOnce(
      new Map<string, GmailThread | GmailError>([
        [id(3), thread(3)],
        [id(2), new GmailError('unauthorized', 'Invalid Credentials', 401)],
      ]),
    );
    await expect(service(gmail).fromNetwork(query(5))).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('keeps accounts apart', async () => {
    const { gmail } = gmailWith(3);
    const history = service(gmail);
    await history.fromNetwork(query(5));
    expect(await history.fromCache({ ...query(5), account: 'other@acme.com' })).toBeNull();
  });
});
