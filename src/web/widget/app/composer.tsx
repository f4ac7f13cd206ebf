// The message box: grows with its text up to a few lines, then scrolls; counts toward the API's limit and never
// drops what was typed or pasted: over the limit the text stays, the counter says by how much, and Send waits.
import type { Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH, messageLength } from '../../../modules/widget/message-limit';

/** The counter appears when this few characters are left. */
export const COUNTER_FROM = 100;
/** Screen readers hear the count when it crosses one of these (not on every key). */
const ANNOUNCE_AT = [100, 50, 20, 10, 0];

interface ComposerProps {
  value: string;
  onInput: (value: string) => void;
  onSend: () => void;
  /** The customer pressed Send while an answer was still coming: the text goes once it is complete. */
  waiting?: boolean;
  inputRef: Ref<HTMLTextAreaElement>;
}

const number = (value: number) => value.toLocaleString('en-US');

function counterText(length: number): string {
  const left = MAX_MESSAGE_LENGTH - length;
  if (left >= 0) return `${number(left)} ${left === 1 ? 'character' : 'characters'} left`;
  return `${number(length)} of ${number(MAX_MESSAGE_LENGTH)} characters: remove ${number(-left)} to send. Your text is kept.`;
}

/** The step of the count a screen reader was last told: each step is announced once, over the limit included. */
function announceStep(length: number): number {
  const left = MAX_MESSAGE_LENGTH - length;
  if (left < 0) return -1;
  return ANNOUNCE_AT.filter((step) => left <= step).pop() ?? Infinity;
}

/** Sets the box's height to its content, up to the CSS max-height; past it the box scrolls. */
function fitHeight(box: HTMLTextAreaElement): void {
  box.style.height = 'auto';
  const style = getComputedStyle(box);
  const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
  const max = parseFloat(style.maxHeight) || Infinity;
  const wanted = box.scrollHeight + borders;
  box.style.height = `${Math.min(wanted, max)}px`;
  box.style.overflowY = wanted > max ? 'auto' : 'hidden';
}

export function Composer({ value, onInput, onSend, waiting, inputRef }: ComposerProps) {
  const box = useRef<HTMLTextAreaElement | null>(null);
  const length = messageLength(value.trim());
  const over = length > MAX_MESSAGE_LENGTH;
  const showCounter = MAX_MESSAGE_LENGTH - length <= COUNTER_FROM;
  const [announcement, setAnnouncement] = useState('');

  useLayoutEffect(() => {
    if (box.current) fitHeight(box.current);
  }, [value]);

  const step = announceStep(length);
  useEffect(() => setAnnouncement(step === Infinity ? '' : counterText(length)), [step]);

  const send = () => {
    if (!over) onSend();
  };
  const setRefs = (element: HTMLTextAreaElement | null) => {
    box.current = element;
    if (typeof inputRef === 'function') inputRef(element);
    else if (inputRef) inputRef.current = element;
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div class="composer-box">
        <label class="sr-only" for="aurora-message">
          Message
        </label>
        <textarea
          id="aurora-message"
          ref={setRefs}
          rows={1}
          placeholder="Ask about rings, orders, returns…"
          value={value}
          aria-invalid={over ? 'true' : undefined}
          aria-describedby={showCounter ? 'aurora-message-count' : waiting ? 'aurora-message-waiting' : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              send();
            }
          }}
        />
        {waiting && !showCounter && (
          <p id="aurora-message-waiting" class="counter">
            Sends when this answer is complete
          </p>
        )}
        {showCounter && (
          <p id="aurora-message-count" class={over ? 'counter over' : 'counter'}>
            {counterText(length)}
          </p>
        )}
        <p class="sr-only" aria-live="polite">
          {announcement}
        </p>
      </div>
      <button type="submit" class="send" aria-label="Send" aria-disabled={over ? 'true' : undefined}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3.4 20.4l17.45-7.48a1 1 0 000-1.84L3.4 3.6a.99.99 0 00-1.39.91L2 9.12c0 .5.37.93.87.99L17 12 2.87 13.88c-.5.07-.87.5-.87 1l.01 4.61c0 .71.73 1.2 1.39.91z" />
        </svg>
      </button>
    </form>
  );
}
