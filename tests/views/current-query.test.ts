import { describe, expect, it } from 'vitest';
import { currentViewQuery } from '../../src/components/saved-views/current-query';

describe('the query a saved view would store, from the browser', () => {
  it('drops paging and empty values, in the URL order and encoding the engine uses', () => {
    const params = new URLSearchParams('f.status=paid&after=WzFd&sort=-total_cents&pn=3&q=&page=2&before=x&cols=id,status');
    expect(currentViewQuery(params)).toBe('f.status=paid&sort=-total_cents&cols=id%2Cstatus');
  });

  it('adds the remembered columns only when the URL names none', () => {
    expect(currentViewQuery(new URLSearchParams('f.status=paid'), 'id,total_cents')).toBe('f.status=paid&cols=id%2Ctotal_cents');
    expect(currentViewQuery(new URLSearchParams('cols=id'), 'id,total_cents')).toBe('cols=id');
    expect(currentViewQuery(new URLSearchParams(''))).toBe('');
  });
});
