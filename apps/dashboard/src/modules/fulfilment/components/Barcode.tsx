import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const cache = new Map<string, string>();

/**
 * Draws a Code 128 barcode as SVG with bwip-js, loaded on first use (its own chunk: only the print views
 * and package labels need it). The SVG goes in as an image's data: URL, which the Content-Security-Policy
 * allows (img-src 'self' data:), instead of markup or inline styles it refuses.
 */
async function barcodeUrl(text: string, height: number): Promise<string> {
  const key = `${height}:${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { code128, drawingSVG } = await import('bwip-js/browser');
  const svg = code128({ bcid: 'code128', text, scale: 2, height, paddingwidth: 0, paddingheight: 0 }, drawingSVG());
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  cache.set(key, url);
  return url;
}

/** A scannable Code 128 barcode of `text`, with the text printed under it. */
export function Barcode({ text, height = 10, className }: { text: string; height?: number; className?: string }) {
  const { t } = useTranslation();
  const [drawn, setDrawn] = useState<{ text: string; url: string } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    barcodeUrl(text, height).then(
      (url) => live && setDrawn({ text, url }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [text, height]);
  const url = drawn?.text === text ? drawn.url : null;
  return (
    <figure className={className ? `barcode ${className}` : 'barcode'}>
      {url ? (
        <img src={url} alt={t('fulfilment.print.barcodeOf', { text })} />
      ) : (
        <span className="barcode-pending" role={failed ? 'alert' : undefined}>
          {failed ? t('fulfilment.print.barcodeFailed') : ''}
        </span>
      )}
      <figcaption className="mono">{text}</figcaption>
    </figure>
  );
}
