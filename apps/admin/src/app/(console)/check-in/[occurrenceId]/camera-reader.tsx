'use client';

import { Button } from '@tessera/ui';
import { useEffect, useRef, useState } from 'react';

/** How often a video frame is searched for a QR code. */
const SCAN_EVERY_MS = 250;
/** The same code read again within this time is the same person still holding it up. */
const SAME_CODE_MS = 3000;

/**
 * The phone's back camera reading QR codes with the BarcodeDetector API (the
 * `barcode-detector` ponyfill where the browser has none; its decoder is served by this
 * app at /scanner/zxing_reader.wasm, not fetched from a CDN).
 */
export function CameraReader({ onRead }: { onRead: (payload: string) => void }) {
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const onReadRef = useRef(onRead);
  useEffect(() => {
    onReadRef.current = onRead;
  }, [onRead]);

  useEffect(() => {
    if (!on) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    const last = { payload: '', at: 0 };
    void (async () => {
      try {
        const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
        prepareZXingModule({
          overrides: {
            locateFile: (path: string, prefix: string) =>
              path.endsWith('.wasm') ? `/scanner/${path}` : prefix + path,
          },
        });
        const detector = new BarcodeDetector({ formats: ['qr_code'] });
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        const video = videoRef.current;
        if (stopped || !video) return;
        video.srcObject = stream;
        await video.play();
        timer = setInterval(() => {
          void detector.detect(video).then((codes) => {
            const payload = codes[0]?.rawValue;
            const now = Date.now();
            if (!payload || (payload === last.payload && now - last.at < SAME_CODE_MS)) return;
            last.payload = payload;
            last.at = now;
            onReadRef.current(payload);
          });
        }, SCAN_EVERY_MS);
      } catch (error) {
        setProblem(
          error instanceof Error && error.name === 'NotAllowedError'
            ? 'The camera is not allowed: allow it in the browser, or type the codes.'
            : 'No camera could be started here: type the codes instead.',
        );
        setOn(false);
      }
    })();
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on]);

  return (
    <div className="flex flex-col gap-2">
      <Button type="button" variant="secondary" onClick={() => setOn((value) => !value)}>
        {on ? 'Stop camera' : 'Scan with camera'}
      </Button>
      {problem ? <p className="text-sm text-red-700">{problem}</p> : null}
      <video
        ref={videoRef}
        muted
        playsInline
        aria-label="Camera view"
        className={on ? 'w-full rounded-lg bg-black' : 'hidden'}
      />
    </div>
  );
}
