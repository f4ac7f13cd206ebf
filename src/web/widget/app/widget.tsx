// The concierge panel: header, conversation (or the closed notice) or shortlist, composer; open/close, focus and the CSAT ask on close.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendEvent, type AppHandle, type MountOptions } from '../protocol';
import { createApi } from './api';
import { useConversation } from './conversation';
import { randomId } from './format';
import { Composer } from './composer';
import { Glyph } from './glyphs';
import { lockPage, PHONE_QUERY, trapTab } from './modal';
import { ClosedNotice, FailureNotice, ShortlistView, describeEntry } from './parts';
import { useShortlist } from './shortlist';
import { csatAsked } from './storage';
import { Transcript } from './transcript';

/** Topics a host page can open the widget with (data-aurora-open="stylist"). */
const TOPICS: Record<string, string> = {
  stylist: 'Talk to a stylist',
  order: 'Track my order',
  return: 'Return or resize',
  products: 'Find jewelry',
};

/** Whether the viewport is a phone's (the panel then fills the screen), following rotation and resizing. */
function usePhone(): boolean {
  const query = useMemo(() => window.matchMedia(PHONE_QUERY), []);
  const [phone, setPhone] = useState(query.matches);
  useEffect(() => {
    const update = () => setPhone(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [query]);
  return phone;
}

export function Widget({ options, handle }: { options: MountOptions; handle: AppHandle }) {
  const apiBase = options.api;
  const api = useMemo(() => createApi(apiBase), [apiBase]);
  const conversation = useConversation({ api, apiBase, productId: options.productId, onSession: options.onSession, streaming: options.config.streaming === true });
  const [shortlistRetry, setShortlistRetry] = useState<(() => void) | null>(null);
  const shortlist = useShortlist(api, (retry) => setShortlistRetry(() => retry));
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<'chat' | 'shortlist'>('chat');
  const [draft, setDraft] = useState('');
  const draftRef = useRef('');
  const failed = useRef<{ text: string; key: string } | null>(null);
  const sending = useRef(false);
  const queued = useRef<{ fromBox: boolean; text: string } | null>(null);
  const [waiting, setWaiting] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const panel = useRef<HTMLElement>(null);
  const closedHeading = useRef<HTMLHeadingElement>(null);
  const shopName = (options.config.brand && options.config.brand.shopName) || 'GlowGlitch';

  const updateDraft = (value: string) => {
    draftRef.current = value;
    setDraft(value);
  };

  /** Sends text; if it finally fails, the text goes back in the box and "Try again" resends it with the same key. */
  const sendText = async (text: string) => {
    if (!text) return;
    if (sending.current) {
      // Sent while the last answer is still coming: it goes as soon as that answer is complete. Typed text waits in
      // the box (and may still be edited); a picked suggestion waits as it is.
      queued.current = { fromBox: draftRef.current.trim() === text, text };
      setWaiting(true);
      return;
    }
    sending.current = true;
    setShortlistRetry(null);
    const key = failed.current && failed.current.text === text ? failed.current.key : randomId();
    if (draftRef.current.trim() === text) updateDraft('');
    const sent = await conversation.send(text, key, () => void sendText(draftRef.current.trim()));
    sending.current = false;
    failed.current = sent ? null : { text, key };
    if (!sent && !draftRef.current) updateDraft(text);
    const next = queued.current;
    queued.current = null;
    setWaiting(false);
    // After a failure the queue waits: the customer sees "Try again" and their text, and decides.
    if (sent && next) void sendText(next.fromBox ? draftRef.current.trim() : next.text);
  };

  const focusMessageBox = () => {
    if (input.current) input.current.focus();
  };

  // The chosen suggestion disappears with its answer: keep keyboard focus in the panel, on the message box.
  const pickSuggestion = (text: string) => {
    focusMessageBox();
    void sendText(text);
  };

  const openPanel = (topic?: string) => {
    setOpen(true);
    options.launcher.hidden = true;
    sendEvent(apiBase, 'widget_opened', { page: location.pathname });
    conversation.start();
    const text = topic ? TOPICS[topic] : undefined;
    if (text) void sendText(text);
  };

  const closePanel = () => {
    if (open) sendEvent(apiBase, 'widget_closed', { page: location.pathname });
    setOpen(false);
    setView('chat');
    options.launcher.hidden = false;
    options.launcher.focus();
  };

  /** The customer's close: after a real conversation, ask for a rating once per session before closing. */
  const requestClose = () => {
    if (view === 'chat' && !conversation.closed && conversation.hadConversation() && !csatAsked()) {
      conversation.ask([
        { type: 'text', text: 'Before you go: how did I do today?' },
        { type: 'form', form: 'csat', prefill: { trigger: 'widget_closed' } },
      ]);
      setTimeout(() => {
        const star = panel.current && panel.current.querySelector<HTMLInputElement>('.entry:last-of-type input[type="radio"]');
        if (star) star.focus();
      });
      return;
    }
    closePanel();
  };

  /** The failure notice's "Track order": the lookup form opens here, in the chat, and its own send retries. */
  const trackOrder = () => {
    setView('chat');
    conversation.ask([
      { type: 'text', text: 'Let’s find your order: enter its number and the email you ordered with.' },
      { type: 'form', form: 'order_lookup', prefill: {} },
    ]);
    setTimeout(() => {
      const field = panel.current && panel.current.querySelector<HTMLInputElement>('.entry:last-of-type input');
      if (field) field.focus();
    });
  };

  handle.open = openPanel;
  handle.close = closePanel;

  useEffect(() => {
    if (open) focusMessageBox();
  }, [open]);

  // A phone's full-screen panel is modal: the page behind is inert and still, until the panel closes.
  const phone = usePhone();
  useEffect(() => (open && phone ? lockPage(options.root.host) : undefined), [open, phone]);

  // The message box is gone once the concierge is switched off: focus (and the screen reader) go to the notice.
  useEffect(() => {
    if (conversation.closed && closedHeading.current) closedHeading.current.focus();
  }, [conversation.closed, open, view]);

  const entries = conversation.entries;
  const retry = conversation.failure ? conversation.failure.retry : shortlistRetry;
  const savedCount = shortlist.items.length;

  return (
    <section
      class="panel"
      role="dialog"
      aria-modal={phone ? 'true' : undefined}
      aria-label="Aurora Concierge"
      hidden={!open}
      ref={panel}
      onKeyDown={(event) => {
        if (phone && panel.current) trapTab(event, panel.current);
        if (event.key === 'Escape') {
          event.stopPropagation();
          requestClose();
        }
      }}
    >
      <div class="head">
        <span class="avatar" aria-hidden="true">
          <Glyph name="sparkles" />
        </span>
        <div class="titles">
          <h2>Aurora Concierge</h2>
          <p>{shopName} stylists, here to help</p>
        </div>
        <button
          type="button"
          class="icon-button shortlist-toggle"
          aria-label={view === 'shortlist' ? 'Back to chat' : `Shortlist, ${savedCount} saved`}
          onClick={() => setView(view === 'shortlist' ? 'chat' : 'shortlist')}
        >
          <span aria-hidden="true">{view === 'shortlist' ? '‹' : '♡'}</span>
          {view === 'chat' && savedCount > 0 && <span class="count">{savedCount}</span>}
        </button>
        <button type="button" class="icon-button" aria-label="Close" onClick={requestClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {view === 'shortlist' ? (
        <ShortlistView shortlist={shortlist} apiBase={apiBase} />
      ) : conversation.closed ? (
        <ClosedNotice contact={options.config.contact} shopName={shopName} unsent={draft.trim()} apiBase={apiBase} headingRef={closedHeading} />
      ) : (
        <Transcript conversation={conversation} shortlist={shortlist} apiBase={apiBase} onQuickReply={pickSuggestion} onFormSent={focusMessageBox} />
      )}
      {retry && !conversation.closed && (
        <FailureNotice
          apiBase={apiBase}
          onTrackOrder={trackOrder}
          message={conversation.failure ? conversation.failure.message : undefined}
          onRetry={() => {
            setShortlistRetry(null);
            retry();
          }}
        />
      )}
      {!conversation.closed && <Composer value={draft} onInput={updateDraft} onSend={() => void sendText(draftRef.current.trim())} waiting={waiting} inputRef={input} />}
      <div class="sr-only" aria-live="polite">
        {conversation.closed ? 'Aurora Concierge is away for now. Contact links are shown.' : describeEntry(entries[entries.length - 1])}
      </div>
    </section>
  );
}
