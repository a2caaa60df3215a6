import { describe, expect, it, vi } from 'vitest';
import { LIST_PAGE_SIZE, type ListPage, listAllThreads } from '../../../utils/history/listing';

/** A Gmail that answers threads.list from `pages`, one per call, recording what it was asked. */
function pagedGmail(pages: { ids: string[]; next?: string }[]) {
  const listPage = vi.fn<ListPage>(async (_query, pageToken) => {
    const index = pageToken ? Number(pageToken) : 0;
    const page = pages[index] ?? { ids: [] };
    return {
      ...(page.ids.length > 0 && { threads: page.ids.map((id) => ({ id, historyId: `h${id}` })) }),
      ...(page.next !== undefined && { nextPageToken: page.next }),
    };
  });
  return listPage;
}

describe('listAllThreads', () => {
  it('walks every page with Gmail’s largest page size', async () => {
    const listPage = pagedGmail([{ ids: ['a1', 'a2'], next: '1' }, { ids: ['b1'], next: '2' }, { ids: ['c1'] }]);
    const result = await listAllThreads(listPage, 'q');
    expect(result).toEqual({
      entries: ['a1', 'a2', 'b1', 'c1'].map((id) => ({ threadId: id, historyId: `h${id}` })),
      complete: true,
    });
    expect(listPage.mock.calls).toEqual([
      ['q', undefined, LIST_PAGE_SIZE],
      ['q', '1', LIST_PAGE_SIZE],
      ['q', '2', LIST_PAGE_SIZE],
    ]);
  });

  it('keeps the first sighting of a thread that moved to the next page', async () => {
    const listPage = pagedGmail([{ ids: ['a', 'b'], next: '1' }, { ids: ['b', 'c'] }]);
    expect((await listAllThreads(listPage, 'q')).entries.map((entry) => entry.threadId)).toEqual(['a', 'b', 'c']);
  });

  it('answers an empty result (no `threads` key at all) as complete and empty', async () => {
    expect(await listAllThreads(pagedGmail([{ ids: [] }]), 'q')).toEqual({ entries: [], complete: true });
  });

  it('says the list is incomplete when it stops at the page cap', async () => {
    const listPage = pagedGmail([{ ids: ['a'], next: '1' }, { ids: ['b'], next: '2' }, { ids: ['c'] }]);
    expect(await listAllThreads(listPage, 'q', 2)).toMatchObject({ complete: false });
    expect(listPage).toHaveBeenCalledTimes(2);
  });

  it('stops on a page token that brings no threads, instead of looping', async () => {
    const listPage = pagedGmail([{ ids: ['a'], next: '1' }, { ids: [], next: '1' }]);
    expect(await listAllThreads(listPage, 'q')).toMatchObject({ complete: true, entries: [{ threadId: 'a' }] });
    expect(listPage).toHaveBeenCalledTimes(2);
  });

  it('keeps an empty historyId when Gmail gives none', async () => {
    const listPage: ListPage = async () => ({ threads: [{ id: 'a' }] });
    expect((await listAllThreads(listPage, 'q')).entries).toEqual([{ threadId: 'a', historyId: '' }]);
  });
});
