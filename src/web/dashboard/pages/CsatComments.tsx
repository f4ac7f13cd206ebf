// The CSAT comments of the range, a page at a time and filtered by rating (?rating=&cpage= in the URL); admins
// export the range's ratings as CSV.
import { api, query } from '../api';
import { formatDateTime } from '../format';
import { Link, navigate } from '../router';
import { Loading, Pager, useData } from '../components/ui';

interface CommentPage {
  items: { id: number; conversationId: string; rating: number; comment: string; createdAt: string }[];
  total: number;
  page: number;
  pageSize: number;
}

const PAGE_SIZE = 10;
const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

export function CsatComments(props: { from: string; to: string; params: URLSearchParams; admin: boolean }) {
  const rating = props.params.get('rating') ?? '';
  const page = props.params.get('cpage') ?? '1';
  const key = query({ from: props.from, to: props.to, rating, page, pageSize: PAGE_SIZE });
  const comments = useData(key, (signal) => api<CommentPage>(`/csat/comments${key}`, { signal }));
  const go = (changes: { rating?: string; cpage?: string }) => navigate(`/dashboard/support/csat${query({ from: props.from, to: props.to, rating, cpage: '', ...changes })}`, { replace: true });
  const c = comments.data;
  return (
    <section class="card" aria-labelledby="comments-title">
      <div class="card-head">
        <h2 id="comments-title">Comments</h2>
        <div class="field field-inline">
          <label for="comment-rating">Rating</label>
          <select id="comment-rating" value={rating} onChange={(e) => go({ rating: e.currentTarget.value })}>
            <option value="">All ratings</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={String(n)}>
                {n} star{n === 1 ? '' : 's'}
              </option>
            ))}
          </select>
        </div>
        {props.admin && (
          <a class="button" href={`/api/dashboard/exports/ratings.csv${query({ from: props.from, to: props.to, rating })}`} download>
            Export ratings CSV
          </a>
        )}
      </div>
      {!c ? (
        <Loading error={comments.error} status={comments.status} />
      ) : c.items.length === 0 ? (
        <p class="empty">No comments {rating ? `with ${rating} star${rating === '1' ? '' : 's'} ` : ''}in this range.</p>
      ) : (
        <>
          <ul class="comments">
            {c.items.map((item) => (
              <li key={item.id}>
                <div class="comment-head">
                  <span class={`stars ${item.rating <= 2 ? 'stars-low' : ''}`} role="img" aria-label={`${item.rating} out of 5 stars`}>
                    {stars(item.rating)}
                  </span>
                  <time class="muted small" dateTime={item.createdAt}>
                    {formatDateTime(item.createdAt)}
                  </time>
                  <Link href={`/dashboard/conversations/${encodeURIComponent(item.conversationId)}`} aria-label={`Conversation of the ${formatDateTime(item.createdAt)} rating`}>
                    View conversation
                  </Link>
                </div>
                <p class="quote">{item.comment}</p>
              </li>
            ))}
          </ul>
          <Pager page={c.page} pageSize={c.pageSize} total={c.total} onPage={(p) => go({ cpage: String(p) })} />
        </>
      )}
    </section>
  );
}
