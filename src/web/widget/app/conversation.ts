// The conversation with the concierge: session start and expiry, messages, form submissions, failures.
import { useRef, useState } from 'preact/hooks';
import { sendEvent } from '../protocol';
import { ApiError, isSwitchedOff, type Api } from './api';
import { randomId } from './format';
import { clearSession, loadTranscript, markCsatAsked, readSession, saveSession, saveTranscript, touchSession, visitorId } from './storage';
import type { Block, Entry, FieldErrors, FormName } from './types';
import { streamTurn } from './stream';

interface SessionCreated {
  sessionId: string;
  expiresAt?: string;
  replies?: Block[];
}

interface Replies {
  replies?: Block[];
}

export interface Failure {
  retry: () => void;
  /** The server's own words when it refused on purpose: a 429 says how long to wait and where else to turn. */
  message?: string;
}

export type FormResult = 'sent' | 'failed' | FieldErrors;

export interface ConversationOptions {
  api: Api;
  apiBase: string;
  productId?: number;
  onSession: () => void;
  /** LLM mode: turns stream (the config's `streaming`), so the answer shows as it is written. */
  streaming?: boolean;
}

export function useConversation({ api, apiBase, productId, onSession, streaming }: ConversationOptions) {
  const [entries, setEntries] = useState<Entry[]>(loadTranscript);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Switched off by the shop while open: the panel shows the contact links until the next page view.
  const [closed, setClosed] = useState(false);
  const current = useRef(entries);
  const starting = useRef<Promise<string> | null>(null);

  const update = (change: (entries: Entry[]) => Entry[]) => {
    current.current = change(current.current);
    saveTranscript(current.current);
    setEntries(current.current);
  };

  const addReplies = (replies: Block[] = []) => {
    if (replies.some((block) => block.type === 'form' && block.form === 'csat')) markCsatAsked();
    if (replies.length) update((list) => [...list, { id: randomId(), role: 'concierge', blocks: replies }]);
  };

  const ensureSession = (): Promise<string> => {
    const stored = readSession();
    if (stored) return Promise.resolve(stored.id);
    starting.current =
      starting.current ||
      api
        .request<SessionCreated>('/sessions', {
          method: 'POST',
          // The path only: query strings can carry emails or order numbers.
          body: { pageUrl: location.origin + location.pathname, productId, visitorId: visitorId() },
        })
        .then((created) => {
          saveSession(created.sessionId, created.expiresAt);
          onSession();
          update((list) => [{ id: randomId(), role: 'concierge', blocks: created.replies || [] }, ...list]);
          return created.sessionId;
        })
        .finally(() => {
          starting.current = null;
        });
    return starting.current;
  };

  /** Runs a request in the session; an expired or unknown session (404) starts a fresh one and tries once more. */
  const inSession = async <T,>(call: (sessionId: string) => Promise<T>, keep: (entry: Entry) => boolean): Promise<T> => {
    try {
      return await call(await ensureSession());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      clearSession();
      update((list) => list.filter(keep));
      return call(await ensureSession());
    }
  };

  /** Wraps a request: busy while it runs; a final failure offers a retry and is reported. */
  const guard = async <T,>(task: () => Promise<T>, retry: () => void): Promise<T | undefined> => {
    setFailure(null);
    setBusy(true);
    try {
      const result = await task();
      touchSession();
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length) throw error;
      if (isSwitchedOff(error)) {
        setClosed(true);
        return undefined;
      }
      setFailure({ retry, message: error instanceof ApiError && error.status === 429 ? error.message : undefined });
      sendEvent(apiBase, 'error', { status: error instanceof ApiError ? error.status : 0 });
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  /** Opens (or resumes) the session so the welcome shows. */
  const start = (): void => {
    if (readSession() && current.current.length) return;
    void guard(ensureSession, start);
  };

  /** Sends a customer message; false when it finally failed (the caller keeps the text). */
  const send = async (text: string, key: string, retry: () => void): Promise<boolean> => {
    const id = 'c_' + key;
    update((list) => [...list.filter((entry) => entry.id !== id), { id, role: 'customer', text }]);
    // Streamed, the answer grows in an entry of its own; `done` then sets it to exactly what the server stored.
    const replyId = 'r_' + key;
    const live = (change: (blocks: Block[]) => Block[]) =>
      update((list) => {
        const entry = list.find((item) => item.id === replyId);
        const blocks = change(entry && entry.blocks ? entry.blocks.slice() : []);
        return entry ? list.map((item) => (item === entry ? { ...item, blocks } : item)) : [...list, { id: replyId, role: 'concierge', blocks }];
      });
    const dropLive = () => update((list) => list.filter((entry) => entry.id !== replyId));
    const turn = (sessionId: string): Promise<Replies> =>
      streaming
        ? streamTurn(`${apiBase}/api/widget/sessions/${sessionId}/messages/stream`, { text, productId }, key, {
            text: (words) =>
              live((blocks) => {
                const last = blocks[blocks.length - 1];
                if (last && last.type === 'text') blocks[blocks.length - 1] = { type: 'text', text: last.text + words };
                else blocks.push({ type: 'text', text: words });
                return blocks;
              }),
            block: (block) => live((blocks) => [...blocks, block]),
            reset: dropLive,
          })
        : api.request<Replies>(`/sessions/${sessionId}/messages`, { method: 'POST', body: { text, productId }, idempotencyKey: key });
    const answer = await guard(
      () => inSession(turn, (entry) => entry.id === id),
      () => {
        dropLive();
        retry();
      },
    );
    dropLive();
    if (!answer) {
      update((list) => list.filter((entry) => entry.id !== id));
      return false;
    }
    addReplies(answer.replies);
    return true;
  };

  /** Sends a form; field errors come back for the form to show, a failure offers a retry. */
  const submitForm = async (entryId: string, form: FormName, body: Record<string, unknown>, summary: string, key: string): Promise<FormResult> => {
    const retry = () => void submitForm(entryId, form, body, summary, key);
    try {
      const answer = await guard(
        () =>
          inSession(
            (sessionId) => api.request<Replies>(`/sessions/${sessionId}/forms/${form}`, { method: 'POST', body, idempotencyKey: key }),
            (entry) => entry.id === entryId,
          ),
        retry,
      );
      if (!answer) return 'failed';
      const rating = typeof body.rating === 'number' ? body.rating : undefined;
      const comment = typeof body.comment === 'string' ? body.comment : undefined;
      update((list) => list.map((entry) => (entry.id === entryId ? { ...entry, done: true, summary, rating, comment } : entry)));
      addReplies(answer.replies);
      return 'sent';
    } catch (error) {
      return (error as ApiError).fields;
    }
  };

  /** A real conversation: the customer wrote or sent something. */
  const hadConversation = (): boolean => current.current.some((entry) => entry.role === 'customer' || entry.done === true);

  // `ask` adds a question the widget itself asks (the CSAT question on close).
  return { entries, busy, failure, closed, start, send, submitForm, ask: addReplies, hadConversation };
}

export type Conversation = ReturnType<typeof useConversation>;
