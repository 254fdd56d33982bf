import {
  boxesOverlap,
  boxTouchesCircle,
  edgeTowards,
  groupPoints,
  groupRadius,
  labelSize,
  type Obstacle,
  placeGroups,
  placeLabels,
} from './layout';

// Berlin as it lies at the default zoom of a 1440 px wide page: about 20 px across, inside
// Brandenburg, whose entries without a location sit at Brandenburg's centre 14 px away.
const berlin: Obstacle = { land: 'DE-BE', x: 500, y: 300, r: 10 };
const hamburg: Obstacle = { land: 'DE-HH', x: 300, y: 150, r: 8 };

const circleOverlaps = (a: { x: number; y: number; r: number }, b: typeof a) =>
  Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r;

describe('groupPoints', () => {
  it('never puts two Länder into one group, however close their entries are', () => {
    const groups = groupPoints(
      [
        { index: 0, land: 'DE-BB', x: 510, y: 300 },
        { index: 1, land: 'DE-BE', x: 500, y: 300 },
        { index: 2, land: 'DE-BB', x: 512, y: 302 },
      ],
      36,
    );
    expect(groups.map((g) => [g.land, g.members])).toEqual([
      ['DE-BB', [0, 2]],
      ['DE-BE', [1]],
    ]);
    expect(groups[0].anchor).toEqual([511, 301]);
    expect(groups[0].r).toBe(groupRadius(2));
  });

  it('keeps entries apart that are further than the distance', () => {
    const groups = groupPoints(
      [
        { index: 0, land: 'DE-BY', x: 0, y: 0 },
        { index: 1, land: 'DE-BY', x: 40, y: 0 },
      ],
      36,
    );
    expect(groups).toHaveLength(2);
  });

  it('grows the circle slowly with the group and caps it', () => {
    expect(groupRadius(1)).toBe(7);
    expect(groupRadius(2)).toBeGreaterThan(groupRadius(1));
    expect(groupRadius(10_000)).toBe(20);
  });
});

describe('placeGroups', () => {
  const points = [
    // Berlin's own entries (no location: at its centre) and Brandenburg's at its centre nearby.
    ...Array.from({ length: 6 }, (_, i) => ({ index: i, land: 'DE-BE', x: 500, y: 300 })),
    ...Array.from({ length: 9 }, (_, i) => ({ index: 6 + i, land: 'DE-BB', x: 486, y: 304 })),
    { index: 15, land: 'DE-HH', x: 300, y: 150 },
    { index: 16, land: 'DE-SH', x: 296, y: 135 },
    { index: 17, land: 'DE-BY', x: 700, y: 600 },
  ];
  const placed = placeGroups(groupPoints(points, 36), [berlin, hamburg]);

  it('puts no group on a city-state, not even its own', () => {
    for (const group of placed)
      for (const city of [berlin, hamburg]) expect(circleOverlaps(group, city)).toBe(false);
  });

  it('moves only the groups that had to move, and marks them for a leader line', () => {
    const byLand = new Map(placed.map((g) => [g.land, g]));
    expect(byLand.get('DE-BE')?.displaced).toBe(true);
    expect(byLand.get('DE-BB')?.displaced).toBe(true);
    expect(byLand.get('DE-BY')).toMatchObject({ x: 700, y: 600, displaced: false });
    // A moved group stays close: beside the city-state, not somewhere else.
    const be = byLand.get('DE-BE');
    expect(be && Math.hypot(be.x - berlin.x, be.y - berlin.y)).toBeLessThan(60);
  });

  it('leaves no two groups overlapping', () => {
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++)
        expect(circleOverlaps(placed[i], placed[j])).toBe(false);
  });

  it('would fail without the rule (negative control: the groups as clustered overlap Berlin)', () => {
    const unplaced = groupPoints(points, 36);
    expect(unplaced.some((g) => circleOverlaps(g, berlin))).toBe(true);
  });
});

describe('placeLabels', () => {
  const groups = [
    { x: 200, y: 400, r: 12 },
    { x: 520, y: 280, r: 10 },
  ];

  it('keeps a label off the groups at its Land centre', () => {
    const [label] = placeLabels([{ land: 'DE-SL', text: '12', anchor: [200, 400] }], groups, []);
    expect(groups.some((g) => boxTouchesCircle(label.box, g))).toBe(false);
    // …but near its Land: within two label heights.
    const cx = label.box.x + label.box.w / 2;
    const cy = label.box.y + label.box.h / 2;
    expect(Math.hypot(cx - 200, cy - 400)).toBeLessThanOrEqual(2 * labelSize('12').h);
  });

  it('writes a label at its anchor when that place is free', () => {
    const [label] = placeLabels([{ land: 'DE-BY', text: '7', anchor: [800, 500] }], groups, []);
    expect(label.box.x + label.box.w / 2).toBe(800);
    expect(label.box.y + label.box.h / 2).toBe(500);
    expect(label.displaced).toBe(false);
  });

  it("puts a city-state's label beside it and other labels off it, none overlapping", () => {
    const labels = placeLabels(
      [
        { land: 'DE-BB', text: '9', anchor: [505, 300] },
        { land: 'DE-BE', text: '6', anchor: [500, 300] },
        { land: 'DE-HH', text: '14', anchor: [300, 150] },
      ],
      groups,
      [berlin, hamburg],
    );
    for (const label of labels) {
      for (const city of [berlin, hamburg]) expect(boxTouchesCircle(label.box, city)).toBe(false);
      for (const group of groups) expect(boxTouchesCircle(label.box, group)).toBe(false);
    }
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        expect(boxesOverlap(labels[i].box, labels[j].box)).toBe(false);
    expect(labels.find((l) => l.land === 'DE-BE')?.displaced).toBe(true);
    expect(labels.find((l) => l.land === 'DE-BB')?.displaced).toBe(false);
  });

  it('never drops a label, even with no free place', () => {
    const crowd = Array.from({ length: 60 }, (_, i) => ({
      x: (i % 10) * 10,
      y: Math.floor(i / 10) * 10,
      r: 30,
    }));
    expect(placeLabels([{ land: 'DE-SL', text: '3', anchor: [40, 30] }], crowd, [])).toHaveLength(
      1,
    );
  });
});

describe('geometry helpers', () => {
  it('tells boxes and circles apart', () => {
    expect(boxesOverlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 5, h: 5 })).toBe(true);
    expect(boxesOverlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 5, h: 5 })).toBe(false);
    expect(boxTouchesCircle({ x: 0, y: 0, w: 10, h: 10 }, { x: 15, y: 5, r: 6 })).toBe(true);
    expect(boxTouchesCircle({ x: 0, y: 0, w: 10, h: 10 }, { x: 15, y: 5, r: 4 })).toBe(false);
  });

  it('ends a leader line on the circle edge', () => {
    expect(edgeTowards({ x: 0, y: 0, r: 10 }, [30, 0])).toEqual([10, 0]);
    expect(edgeTowards({ x: 0, y: 0, r: 10 }, [0, 0])).toEqual([0, 0]);
  });
});
