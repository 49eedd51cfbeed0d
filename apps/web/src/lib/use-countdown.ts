'use client';

import { useEffect, useState } from 'react';

/** Seconds left until `deadline`, ticking once a second; 0 once it has passed. */
export function useSecondsLeft(deadline: Date | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);
  if (!deadline) return null;
  return Math.max(0, Math.ceil((deadline.getTime() - now) / 1000));
}

/** 581 -> "9:41". */
export function formatMinutesSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
