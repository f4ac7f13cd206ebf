// The chat app's entry: loaded by /widget.js, it registers the function that mounts the panel in the shadow root.
import { render } from 'preact';
import { APP_GLOBAL, type AppHandle, type MountApp } from '../protocol';
import css from './styles.css?inline';
import { Widget } from './widget';

const mount: MountApp = (options) => {
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  options.root.append(style, container);
  // The widget fills these in while it renders, so the loader can open it right away.
  const handle: AppHandle = { open: () => undefined, close: () => undefined };
  render(<Widget options={options} handle={handle} />, container);
  return { open: (topic) => handle.open(topic), close: () => handle.close() };
};

window[APP_GLOBAL] = mount;
