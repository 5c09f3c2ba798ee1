import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// Imported only by the pages that draw the prefecture map; the borders themselves are a chunk of
// their own, fetched the first time a map is shown.
echarts.use([MapChart, ScatterChart, GeoComponent, VisualMapContinuousComponent]);

export interface CountyMap {
  /** The name registered with ECharts (昌吉回族自治州). */
  name: string;
  /** County code (GB/T 2260, the map's feature id) → its name on the map and its label point. */
  counties: Map<string, { name: string; centre: [number, number] }>;
}

interface Feature {
  id?: string;
  properties: { name: string; cp?: [number, number] };
}

/** Area centroid of a closed ring (shoelace), with the ring's area to pick a county's main polygon. */
function centroid(ring: number[][]): { point: [number, number]; area: number } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
  }
  return { point: [x / (3 * a), y / (3 * a)], area: Math.abs(a / 2) };
}

let loading: Promise<CountyMap> | null = null;

/** Registers 昌吉回族自治州's county borders once and says what the map holds. */
export function loadCountyMap(): Promise<CountyMap> {
  loading ??= import('virtual:changji-map')
    .then(({ mapName, geoJson }) => {
      // The package's label points (cp) are the county seats, which crowd together in the south where
      // 吉木萨尔 and 奇台 meet; each county is labelled at the centre of its area instead. (Left
      // without any cp, ECharts 6 searches for a label point itself and takes seconds on these shapes.)
      // parseGeoJSON decodes the compact coordinates in place, so registerMap below reads them plain.
      const regions = echarts.parseGeoJSON(geoJson as Parameters<typeof echarts.parseGeoJSON>[0], 'name');
      const features = (geoJson as { features: Feature[] }).features;
      const centres = new Map(
        regions.map((r) => {
          const rings = (r as unknown as { geometries: { type: string; exterior: number[][] }[] }).geometries.filter((g) => g.type === 'polygon').map((g) => centroid(g.exterior));
          return [r.name, rings.sort((p, q) => q.area - p.area)[0]?.point];
        }),
      );
      for (const f of features) f.properties.cp = centres.get(f.properties.name) ?? f.properties.cp;
      echarts.registerMap(mapName, geoJson as Parameters<typeof echarts.registerMap>[1]);
      return {
        name: mapName,
        counties: new Map(features.map((f) => [f.id ?? f.properties.name, { name: f.properties.name, centre: f.properties.cp ?? [0, 0] }])),
      };
    })
    .catch((e: unknown) => {
      // A failed chunk fetch (network) may be retried by the next mount.
      loading = null;
      throw e;
    });
  return loading;
}
