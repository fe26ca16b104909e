/** Turn-by-turn navigation to a stop: Amap (高德) in the browser or its app, and the phone's own map app. */
export function navigationLinks(position: { lat: number; lng: number }, label: string) {
  const { lat, lng } = position;
  const amap = new URL('https://uri.amap.com/marker');
  amap.search = new URLSearchParams({
    position: `${lng},${lat}`,
    name: label,
    coordinate: 'wgs84',
    callnative: '1',
  }).toString();
  return {
    amap: amap.toString(),
    geo: `geo:${lat},${lng}?q=${lat},${lng}(${encodeURIComponent(label)})`,
  };
}
