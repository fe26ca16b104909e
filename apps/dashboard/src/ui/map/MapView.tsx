import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import { useEffect, useImperativeHandle, useRef, useState, type CSSProperties, type ReactNode, type Ref } from 'react';
import { MapContext, type LatLng, type LeafletMapContext } from './useLeafletMap';

const LAND = '#f4f1ea';
const BORDER = '#c9c3b5';
const WATER = '#dbe7f0';

const tileUrl = import.meta.env.VITE_TILE_URL as string | undefined;
const tileAttribution = import.meta.env.VITE_TILE_ATTRIBUTION as string | undefined;

/** A chunk of its own (Vite ships it minified), loaded with the first map. */
function loadBasemap(): Promise<GeoJSON.FeatureCollection> {
  return import('./china-provinces.json').then((m) => m.default as GeoJSON.FeatureCollection);
}

export interface MapViewProps {
  center: LatLng;
  zoom: number;
  /** Fits the view to these points once, when the list first becomes non-empty; later changes do not move the view. */
  fitTo?: LatLng[];
  className?: string;
  style?: CSSProperties;
  /** Layers (<MapCircleMarker>, <MapPolyline>, …) or any component calling useLeafletMap(). */
  children?: ReactNode;
  /** The Leaflet map, for a parent that draws or moves the view itself; null until mounted. */
  ref?: Ref<L.Map | null>;
}

/**
 * One Leaflet map on an offline basemap of China's provinces (bundled GeoJSON on canvas). Raster tiles are
 * drawn over it only when VITE_TILE_URL is set. Changing `center`/`zoom` moves the view; re-rendering with
 * the same values does not, so a user's panning survives live updates.
 */
export function MapView({ center, zoom, fitTo, className, style, children, ref }: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [ctx, setCtx] = useState<LeafletMapContext | null>(null);
  const map = ctx?.map ?? null;
  const [lat, lng] = center;
  const wanted = useRef({ lat, lng, zoom });
  const applied = useRef<{ map: L.Map; lat: number; lng: number; zoom: number } | null>(null);
  const fittedMap = useRef<L.Map | null>(null);

  useImperativeHandle<L.Map | null, L.Map | null>(ref, () => map, [map]);

  useEffect(() => {
    wanted.current = { lat, lng, zoom };
  }, [lat, lng, zoom]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const view = wanted.current;
    // The view is set at creation so the map is loaded before children's effects add their layers.
    const m = L.map(container, { preferCanvas: true, minZoom: 3, maxZoom: 18 }).setView(
      [view.lat, view.lng],
      view.zoom,
    );
    applied.current = { map: m, ...view };
    // Below the tile pane (200), so tiles, when configured, cover the basemap.
    m.createPane('basemap').style.zIndex = '150';
    // Above markerPane (600) so couriers stay on top of stop markers, below tooltipPane (650).
    m.createPane('couriers').style.zIndex = '620';
    const markerRenderer = L.svg({ pane: 'couriers' });

    let alive = true;
    loadBasemap().then(
      (geojson) => {
        if (!alive) return;
        L.geoJSON(geojson, {
          // preferCanvas gives the pane its own canvas renderer.
          pane: 'basemap',
          interactive: false,
          style: { color: BORDER, weight: 1, fillColor: LAND, fillOpacity: 1 },
        }).addTo(m);
      },
      (err: unknown) => console.error('Map basemap could not be loaded', err),
    );
    if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 18 }).addTo(m);

    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(container);
    setCtx({ map: m, markerRenderer });
    return () => {
      alive = false;
      resize.disconnect();
      setCtx(null);
      m.remove();
    };
  }, []);

  useEffect(() => {
    const last = applied.current;
    if (!map || (last?.map === map && last.lat === lat && last.lng === lng && last.zoom === zoom)) return;
    applied.current = { map, lat, lng, zoom };
    map.setView([lat, lng], zoom);
  }, [map, lat, lng, zoom]);

  const fitPoints = fitTo && fitTo.length > 0 ? fitTo : null;
  useEffect(() => {
    if (!map || !fitPoints || fittedMap.current === map) return;
    fittedMap.current = map;
    map.fitBounds(L.latLngBounds(fitPoints), { padding: [24, 24], maxZoom: 15 });
  }, [map, fitPoints]);

  return (
    <div className={className} style={{ position: 'relative', height: '100%', minHeight: 200, ...style }}>
      <div ref={containerRef} data-testid="map" style={{ position: 'absolute', inset: 0, background: WATER }} />
      {ctx && <MapContext value={ctx}>{children}</MapContext>}
    </div>
  );
}
