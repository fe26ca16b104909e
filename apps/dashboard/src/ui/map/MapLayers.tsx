import * as L from 'leaflet';
import { useEffect, useState } from 'react';
import { useLayerClick, useLayerTooltip, useLeafletMap, useMapLayer, type LatLng } from './useLeafletMap';

/*
 * Each layer component creates its Leaflet layer once, adds it while mounted and applies prop changes to
 * that same layer (setLatLng, setStyle…), so a live position update moves a marker instead of re-creating
 * it. Render lists with a stable `key` (the courier or stop id) so React keeps each component, and its
 * layer, across updates. Tooltips are plain text.
 */

export interface MapCircleMarkerProps {
  position: LatLng;
  color: string;
  /** Pixels. */
  radius?: number;
  tooltip?: string;
  onClick?: () => void;
  /** Set as data-testid on the SVG <path>, which also carries data-lat / data-lng of the current position. */
  testId?: string;
}

/** A courier (or any live point): a filled circle of constant pixel size, drawn as SVG above other overlays. */
export function MapCircleMarker({ position, color, radius = 7, tooltip, onClick, testId }: MapCircleMarkerProps) {
  const { map, markerRenderer } = useLeafletMap();
  const [lat, lng] = position;
  const [layer] = useState(() =>
    L.circleMarker(position, {
      radius,
      color: '#fff',
      weight: 2,
      fillColor: color,
      fillOpacity: 1,
      bubblingMouseEvents: false,
    }),
  );
  useMapLayer(layer, markerRenderer);
  useLayerTooltip(layer, tooltip);
  useLayerClick(layer, onClick);

  useEffect(() => {
    layer.setStyle({ fillColor: color });
    layer.setRadius(radius);
  }, [layer, color, radius]);

  // Re-adding a path (a new map or renderer) gives it a new <path> element to tag.
  useEffect(() => {
    layer.setLatLng([lat, lng]);
    const path = (layer as unknown as { _path?: SVGElement })._path;
    if (!path) return;
    if (testId) path.setAttribute('data-testid', testId);
    else path.removeAttribute('data-testid');
    path.setAttribute('data-lat', String(lat));
    path.setAttribute('data-lng', String(lng));
  }, [map, markerRenderer, layer, lat, lng, testId]);

  return null;
}

export interface MapPolylineProps {
  positions: LatLng[];
  color: string;
  /** Pixels. */
  weight?: number;
  opacity?: number;
  dashed?: boolean;
}

/** A route or a trail. Give `positions` a stable identity (useMemo) when it has not changed, to skip redraws. */
export function MapPolyline({ positions, color, weight = 3, opacity = 0.9, dashed = false }: MapPolylineProps) {
  const [layer] = useState(() => L.polyline(positions, { interactive: false }));
  useMapLayer(layer);

  useEffect(() => {
    layer.setLatLngs(positions);
  }, [layer, positions]);

  useEffect(() => {
    layer.setStyle({ color, weight, opacity, dashArray: dashed ? `${weight * 2} ${weight * 2}` : undefined });
  }, [layer, color, weight, opacity, dashed]);

  return null;
}

export interface MapNumberedMarkerProps {
  position: LatLng;
  /** Shown inside the marker: a stop's sequence number. */
  label: string | number;
  color?: string;
  tooltip?: string;
  onClick?: () => void;
  /** Set as data-testid on the marker's element. */
  testId?: string;
}

const STOP_SIZE = 22;

function numberedIcon(label: string, color: string, testId: string | undefined): L.DivIcon {
  const el = document.createElement('div');
  el.textContent = label;
  if (testId) el.dataset.testid = testId;
  Object.assign(el.style, {
    width: `${STOP_SIZE}px`,
    height: `${STOP_SIZE}px`,
    lineHeight: `${STOP_SIZE - 4}px`,
    boxSizing: 'border-box',
    borderRadius: '50%',
    border: '2px solid #fff',
    background: color,
    color: '#fff',
    font: '600 11px/1 system-ui, sans-serif',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    boxShadow: '0 1px 3px rgba(0,0,0,.35)',
  } satisfies Partial<CSSStyleDeclaration>);
  return L.divIcon({
    html: el,
    className: '',
    iconSize: [STOP_SIZE, STOP_SIZE],
    iconAnchor: [STOP_SIZE / 2, STOP_SIZE / 2],
  });
}

/** A stop: a small numbered disc (an HTML marker, in the marker pane below the couriers). */
export function MapNumberedMarker({
  position,
  label,
  color = '#3b6ea8',
  tooltip,
  onClick,
  testId,
}: MapNumberedMarkerProps) {
  const [lat, lng] = position;
  const [layer] = useState(() =>
    L.marker(position, { icon: numberedIcon(String(label), color, testId), keyboard: false, riseOnHover: true }),
  );
  useMapLayer(layer);
  useLayerTooltip(layer, tooltip, { direction: 'top' });
  useLayerClick(layer, onClick);

  useEffect(() => {
    layer.setIcon(numberedIcon(String(label), color, testId));
  }, [layer, label, color, testId]);

  useEffect(() => {
    layer.setLatLng([lat, lng]);
  }, [layer, lat, lng]);

  return null;
}

export interface MapCircleProps {
  center: LatLng;
  /** Metres on the ground (the circle scales with zoom). */
  radiusM: number;
  tooltip?: string;
  color?: string;
  /** Fill opacity, 0.18 by default; a background area wants less. */
  fillOpacity?: number;
}

/** An area, e.g. a blocked one: a translucent disc of a radius in metres. */
export function MapCircle({ center, radiusM, tooltip, color = '#d0312d', fillOpacity = 0.18 }: MapCircleProps) {
  const [lat, lng] = center;
  const [layer] = useState(() =>
    L.circle(center, { radius: radiusM, color, fillColor: color, weight: fillOpacity < 0.1 ? 0.8 : 1.5, fillOpacity }),
  );
  useMapLayer(layer);
  useLayerTooltip(layer, tooltip);

  useEffect(() => {
    layer.setLatLng([lat, lng]);
    layer.setRadius(radiusM);
  }, [layer, lat, lng, radiusM]);

  useEffect(() => {
    layer.setStyle({ color, fillColor: color });
  }, [layer, color]);

  return null;
}
