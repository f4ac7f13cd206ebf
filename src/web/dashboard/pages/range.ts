// The date range of an insights page lives in the URL (?from=&to=), last 30 days by default.
import { query } from '../api';
import { isoDay } from '../format';
import { navigate } from '../router';

export function useRange(params: URLSearchParams, path: string) {
  const from = params.get('from') ?? isoDay(29);
  const to = params.get('to') ?? isoDay(0);
  return { from, to, key: query({ from, to }), change: (f: string, t: string) => navigate(`${path}${query({ from: f, to: t })}`, { replace: true }) };
}
