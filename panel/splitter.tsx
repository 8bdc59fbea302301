/** The draggable bar between list and detail; arrow keys move it too. The fraction is kept across sessions. */
import { useRef } from 'preact/hooks';

const KEY = 'cors-lens.split';

export function savedSplit(): number {
  const v = Number(localStorage.getItem(KEY));
  return Number.isFinite(v) && v >= 0.2 && v <= 0.8 ? v : 0.5;
}

export function Splitter({ value, onChange }: { value: number; onChange(v: number): void }) {
  const bar = useRef<HTMLDivElement>(null);
  const set = (v: number) => {
    const clamped = Math.min(0.8, Math.max(0.2, v));
    localStorage.setItem(KEY, String(clamped));
    onChange(clamped);
  };
  const onPointerDown = (e: PointerEvent) => {
    const el = bar.current;
    const box = el?.parentElement?.getBoundingClientRect();
    if (!el || !box) return;
    el.setPointerCapture(e.pointerId);
    const move = (m: PointerEvent) => set((m.clientX - box.left) / box.width);
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };
  return (
    <div
      ref={bar}
      class="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize list and detail"
      aria-valuenow={Math.round(value * 100)}
      aria-valuemin={20}
      aria-valuemax={80}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') set(value - 0.05);
        if (e.key === 'ArrowRight') set(value + 0.05);
      }}
    />
  );
}
