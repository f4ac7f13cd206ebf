// The conversation as the customer sees it: their messages, and the concierge's replies block by block.
import { useEffect, useRef } from 'preact/hooks';
import { FormBlock } from './forms';
import { LinksBlock, OrderStatusBlock, ProductsBlock, QuickReplies, TextBlock } from './blocks';
import type { Conversation } from './conversation';
import type { Shortlist } from './shortlist';
import type { Block, Entry } from './types';

interface TranscriptProps {
  conversation: Conversation;
  shortlist: Shortlist;
  apiBase: string;
  onQuickReply: (text: string) => void;
  /** A sent form turns into a one-line summary: focus must move somewhere that still exists. */
  onFormSent: () => void;
}

function BlockView({ block, entry, isLast, props }: { block: Block; entry: Entry; isLast: boolean; props: TranscriptProps }) {
  switch (block.type) {
    case 'text':
      return <TextBlock text={block.text} />;
    case 'products':
      return <ProductsBlock items={block.items} apiBase={props.apiBase} isSaved={props.shortlist.isSaved} onToggleSave={props.shortlist.toggle} />;
    case 'order_status':
      return <OrderStatusBlock order={block.order} apiBase={props.apiBase} />;
    case 'links':
      return <LinksBlock links={block.links} apiBase={props.apiBase} />;
    case 'quick_replies':
      // Suggestions belong to the latest answer only; older ones would invite answers to old questions.
      return isLast ? <QuickReplies options={block.options} onPick={props.onQuickReply} /> : null;
    case 'form':
      return (
        <FormBlock
          form={block.form}
          entry={entry}
          prefill={block.prefill || {}}
          submit={async (body, summary, key) => {
            const result = await props.conversation.submitForm(entry.id, block.form, body, summary, key);
            if (result === 'sent') props.onFormSent();
            return result;
          }}
        />
      );
    default:
      return null; // a block type this version does not know
  }
}

export function Transcript(props: TranscriptProps) {
  const { entries, busy } = props.conversation;
  const scroller = useRef<HTMLDivElement>(null);

  // Show the start of the newest answer (a product grid is read from the top), or the bottom after the customer writes.
  useEffect(() => {
    const box = scroller.current;
    const last = box && (box.querySelector('.entry:last-of-type') as HTMLElement | null);
    if (!box || !last) return;
    // Measured against the scroller itself (offsetTop would count the panel's header above it).
    const answerTop = last.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = last.classList.contains('concierge') ? answerTop - 12 : box.scrollHeight;
  }, [entries.length, busy]);

  return (
    <div class="transcript" ref={scroller} tabIndex={0} role="region" aria-label="Conversation">
      {entries.map((entry, index) => (
        <div key={entry.id} class={`entry ${entry.role}`}>
          <span class="sr-only">{entry.role === 'customer' ? 'You said:' : 'Aurora Concierge:'}</span>
          {entry.text !== undefined && <p class="bubble">{entry.text}</p>}
          {entry.blocks &&
            entry.blocks.map((block, blockIndex) => (
              <BlockView key={blockIndex} block={block} entry={entry} isLast={index === entries.length - 1} props={props} />
            ))}
        </div>
      ))}
      {busy && (
        <div class="typing" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      )}
    </div>
  );
}
