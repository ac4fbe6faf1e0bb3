// The report as the document looks: the server's HTML rendering in a sandboxed frame,
// laid out at A4 width and scaled down to fit a narrow screen, so a phone sees the
// whole page (smaller) instead of a clipped one.
import { useEffect, useRef, useState } from 'react';

/** The frame's layout width: A4 (210 mm ≈ 794 px) and a little grey around it. */
const PAPER_PX = 830;

export function ReportFrame({ html }: { html: string }) {
  const box = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(1100);
  const [scale, setScale] = useState(1);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const fit = () => setScale(Math.min(1, element.clientWidth / PAPER_PX));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Same-origin without scripts: the page can measure the document, the document can run nothing.
  return (
    <div ref={box} className="report-frame-box" style={{ height: height * scale }}>
      <iframe
        ref={frame}
        title="Bản xem trước báo cáo"
        sandbox="allow-same-origin"
        srcDoc={html}
        onLoad={() => setHeight(Math.max(600, (frame.current?.contentDocument?.documentElement.scrollHeight ?? 1100) + 24))}
        style={{
          width: PAPER_PX, height, border: 0, background: '#e9ebef', display: 'block',
          transform: scale < 1 ? `scale(${scale})` : undefined, transformOrigin: 'top left',
          margin: scale < 1 ? 0 : '0 auto',
        }}
      />
    </div>
  );
}
