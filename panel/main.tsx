import { render } from 'preact';

// Placeholder until the panel issue: proves the build wires preact into the DevTools panel.
function App() {
  return <main><h1>CORS Lens</h1><p>Waiting for network activity…</p></main>;
}

const root = document.getElementById('app');
if (root) render(<App />, root);
