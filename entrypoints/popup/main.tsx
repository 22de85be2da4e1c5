import { createRoot } from 'react-dom/client';

function Popup() {
  return <main>Creative Ratio</main>;
}

createRoot(document.getElementById('root')!).render(<Popup />);
