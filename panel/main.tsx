import { render } from 'preact';

// Until the live panel lands, say plainly what works today rather than pretend to capture.
function App() {
  return (
    <main style={{ font: '13px system-ui, sans-serif', padding: '12px 16px', lineHeight: 1.5 }}>
      <h1 style={{ fontSize: '15px', margin: '0 0 8px' }}>CORS Lens</h1>
      <p style={{ margin: 0 }}>
        The live view of blocked requests is not built yet. Today: in the Network panel, export a HAR, then run{' '}
        <code>npx cors-lens check file.har</code> for the same diagnosis.
      </p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
