import SignaturePad from 'signature_pad';
import { useEffect, useImperativeHandle, useRef, type CSSProperties, type Ref } from 'react';

export interface SignatureCanvasHandle {
  clear(): void;
  isEmpty(): boolean;
  /** The signature on a white background, at the screen's pixel density. */
  toPngDataUrl(): string;
}

export interface SignatureCanvasProps {
  /** After each stroke and after clear(). */
  onChange?: (isEmpty: boolean) => void;
  /** CSS pixels; the width follows the container. */
  height?: number;
  /** Stops accepting strokes; the drawing stays. */
  disabled?: boolean;
  className?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  ref?: Ref<SignatureCanvasHandle>;
}

/** A signature field on signature_pad: pen, touch and mouse, sharp on high-density screens, kept across resizes. */
export function SignatureCanvas({
  onChange,
  height = 200,
  disabled = false,
  className,
  style,
  'aria-label': ariaLabel,
  ref,
}: SignatureCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)' });
    padRef.current = pad;
    const endStroke = () => onChangeRef.current?.(pad.isEmpty());
    pad.addEventListener('endStroke', endStroke);

    // Resizing a canvas wipes it; redraw() repaints the strokes kept in the pad (in CSS pixels).
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const w = Math.round(canvas.offsetWidth * ratio);
      const h = Math.round(canvas.offsetHeight * ratio);
      if (w === canvas.width && h === canvas.height) return;
      canvas.width = w;
      canvas.height = h;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.redraw();
    };
    fit();
    const resize = new ResizeObserver(fit);
    resize.observe(canvas);
    return () => {
      resize.disconnect();
      pad.removeEventListener('endStroke', endStroke);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    if (disabled) pad.off();
    else pad.on();
  }, [disabled]);

  useImperativeHandle(
    ref,
    () => ({
      clear() {
        padRef.current?.clear();
        onChangeRef.current?.(true);
      },
      isEmpty: () => padRef.current?.isEmpty() ?? true,
      toPngDataUrl: () => padRef.current?.toDataURL('image/png') ?? '',
    }),
    [],
  );

  return (
    <canvas
      ref={canvasRef}
      data-testid="signature-canvas"
      aria-label={ariaLabel}
      className={className}
      style={{ display: 'block', width: '100%', height, background: '#fff', touchAction: 'none', ...style }}
    />
  );
}
