import * as L from 'leaflet';
import { createContext, useContext, useEffect } from 'react';

export type LatLng = [lat: number, lng: number];

export interface LeafletMapContext {
  map: L.Map;
  /** SVG renderer in a pane above the canvas overlays: its paths are DOM elements tests can find and hit. */
  markerRenderer: L.Renderer;
}

export const MapContext = createContext<LeafletMapContext | null>(null);

/** The map of the enclosing <MapView>, for layers drawn by its children. */
export function useLeafletMap(): LeafletMapContext {
  const ctx = useContext(MapContext);
  if (!ctx) throw new Error('useLeafletMap must be used inside <MapView>');
  return ctx;
}

/** Keeps `layer` on the map while the calling component is mounted, drawn by `renderer` if given (paths only). */
export function useMapLayer(layer: L.Layer, renderer?: L.Renderer): L.Map {
  const { map } = useLeafletMap();
  useEffect(() => {
    if (renderer) L.Util.setOptions(layer, { renderer });
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, layer, renderer]);
  return map;
}

/** Leaflet sets string tooltip content as HTML; a text node keeps names and addresses from the data inert. */
function textElement(text: string): HTMLElement {
  const el = document.createElement('span');
  el.textContent = text;
  return el;
}

/** Binds once and then updates the content in place, so a tooltip being read stays open while its text changes. */
export function useLayerTooltip(layer: L.Layer, text: string | undefined, options?: L.TooltipOptions): void {
  const bound = text !== undefined && text !== '';
  const permanent = options?.permanent;
  const direction = options?.direction;
  useEffect(() => {
    if (!bound) return;
    layer.bindTooltip('', { permanent, direction });
    return () => {
      layer.unbindTooltip();
    };
  }, [layer, bound, permanent, direction]);
  useEffect(() => {
    if (bound) layer.setTooltipContent(textElement(text));
  }, [layer, bound, text, permanent, direction]);
}

export function useLayerClick(layer: L.Layer, onClick: (() => void) | undefined): void {
  useEffect(() => {
    if (!onClick) return;
    layer.on('click', onClick);
    return () => {
      layer.off('click', onClick);
    };
  }, [layer, onClick]);
}
