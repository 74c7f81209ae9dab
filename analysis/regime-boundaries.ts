/**
 * The boundaries of a regime map: the edges between neighbouring cells whose dominant outcomes
 * differ, each named by the cell it starts from and which side of it (`right`: towards the next
 * value across; `up`: towards the next value up). Both views of a map draw them (the report's
 * and the page's), each in its own coordinates.
 */
export interface RegimeEdge {
  x: number;
  y: number;
  side: 'right' | 'up';
}

export function regimeBoundaries(cells: readonly { x: number; y: number; dominant: string }[], xs: readonly number[], ys: readonly number[]): RegimeEdge[] {
  const at = new Map(cells.map((c) => [`${c.x}|${c.y}`, c.dominant]));
  const edges: RegimeEdge[] = [];
  xs.forEach((x, i) =>
    ys.forEach((y, j) => {
      const here = at.get(`${x}|${y}`);
      if (here === undefined) return;
      const right = i + 1 < xs.length ? at.get(`${xs[i + 1]}|${y}`) : undefined;
      const up = j + 1 < ys.length ? at.get(`${x}|${ys[j + 1]}`) : undefined;
      if (right !== undefined && right !== here) edges.push({ x, y, side: 'right' });
      if (up !== undefined && up !== here) edges.push({ x, y, side: 'up' });
    }),
  );
  return edges;
}
