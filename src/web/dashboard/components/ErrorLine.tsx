// A small action's failure, said next to the control that failed (its success shows as the change itself).
import type { ActionMessage } from './ui';

export function ErrorLine(props: { message: ActionMessage | undefined }) {
  if (props.message?.kind !== 'error') return null;
  return (
    <p class="bulk-error" role="alert">
      {props.message.text}
    </p>
  );
}
