'use client';

import type { CheckInCount, ScanResult } from '@tessera/api/domain/check-in/schemas';
import { Alert, Button, Input } from '@tessera/ui';
import { useState, useTransition } from 'react';
import { scanTicket } from './actions';
import { CameraReader } from './camera-reader';
import { ScanVerdict } from './scan-result';

/** The door: a camera reading QR codes, a field for typed codes, the verdict and the count. */
export function Scanner({
  occurrenceId,
  timeZone,
  initialCount,
}: {
  occurrenceId: string;
  timeZone: string;
  initialCount: CheckInCount;
}) {
  const [count, setCount] = useState(initialCount);
  const [scan, setScan] = useState<ScanResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [gate, setGate] = useState('');
  const [pending, startTransition] = useTransition();
  const [code, setCode] = useState('');

  function submit(scanned: string) {
    startTransition(async () => {
      const answer = await scanTicket({ occurrenceId, scanned, gate });
      if (answer.ok) {
        setScan(answer.scan);
        setCount(answer.scan.count);
        setError(null);
      } else {
        setScan(null);
        setError(answer.message);
      }
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-2xl font-semibold tabular-nums" role="status" aria-live="polite">
        <span data-testid="checked-in-count">{count.checkedIn}</span> / {count.expected} checked in
      </p>
      <div aria-live="assertive">
        {scan ? <ScanVerdict scan={scan} timeZone={timeZone} /> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit(code);
          setCode('');
        }}
      >
        <label className="text-base font-medium">
          Ticket code
          <Input
            name="code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            className="mt-1 text-lg"
          />
        </label>
        <Button type="submit" pending={pending}>
          Check in
        </Button>
      </form>
      <label className="text-sm font-medium">
        Gate (optional)
        <Input value={gate} onChange={(event) => setGate(event.target.value)} className="mt-1" />
      </label>
      <CameraReader onRead={submit} />
    </div>
  );
}
