// The visitor's shortlist (W9): saved products, kept 30 days server-side under the anonymous visitor id.
import { useEffect, useState } from 'preact/hooks';
import type { Api } from './api';
import { readSession, visitorId } from './storage';
import type { Product } from './types';

interface ShortlistAnswer {
  items: Product[];
}

export function useShortlist(api: Api, onFailure: (retry: () => void) => void) {
  const [items, setItems] = useState<Product[]>([]);

  useEffect(() => {
    api
      .request<ShortlistAnswer>('/shortlist?visitorId=' + encodeURIComponent(visitorId()))
      .then((answer) => setItems(answer.items))
      .catch(() => undefined);
  }, [api]);

  const isSaved = (productId: number) => items.some((item) => item.id === productId);

  const toggle = (product: Product): void => {
    const request = isSaved(product.id)
      ? api.request<ShortlistAnswer>(`/shortlist/${product.id}?visitorId=${encodeURIComponent(visitorId())}`, { method: 'DELETE' })
      : api.request<ShortlistAnswer>('/shortlist', {
          method: 'POST',
          body: { visitorId: visitorId(), productId: product.id, sessionId: (readSession() || { id: undefined }).id },
        });
    request.then((answer) => setItems(answer.items)).catch(() => onFailure(() => toggle(product)));
  };

  return { items, isSaved, toggle };
}

export type Shortlist = ReturnType<typeof useShortlist>;
