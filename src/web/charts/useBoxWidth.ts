import { useEffect, useState } from 'react';

/**
 * The width of the element given to the returned callback ref, kept current. Charts lay out in the
 * box's own pixels, and the box changes with the side menu and the phone/desktop switch, not only
 * with the window.
 */
export function useBoxWidth(): [number, (el: HTMLDivElement | null) => void] {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!box) return;
    const observer = new ResizeObserver(() => setWidth(box.clientWidth));
    observer.observe(box);
    setWidth(box.clientWidth);
    return () => observer.disconnect();
  }, [box]);
  return [width, setBox];
}
