/** A window's remembered position and size. */
export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A display's usable area. */
export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Keep remembered bounds only if the window's title bar would be visible on a current display. */
export function fitBounds(saved: Partial<WindowBounds> | undefined, displays: DisplayArea[]): WindowBounds | null {
  if (!saved || typeof saved.width !== 'number' || typeof saved.height !== 'number') return null;
  if (typeof saved.x !== 'number' || typeof saved.y !== 'number') return null;
  const width = Math.max(800, Math.min(saved.width, 10000));
  const height = Math.max(560, Math.min(saved.height, 10000));
  const { x, y } = saved;
  const titleVisible = displays.some(
    (d) => x + 100 > d.x && x < d.x + d.width - 100 && y >= d.y && y < d.y + d.height - 50,
  );
  if (!titleVisible) return null;
  return { x, y, width, height, maximized: saved.maximized === true };
}
