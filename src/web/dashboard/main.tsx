// Entry of the dashboard bundle.
import { render } from 'preact';
import { App } from './app';
import './styles.css';
import './work.css';

const root = document.getElementById('app')!;
root.textContent = ''; // the "Loading…" placeholder of the HTML shell
render(<App />, root);
