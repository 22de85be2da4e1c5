/**
 * The tracker's timing constants and the machine's configuration built from the person's settings.
 * Pure: the adapter (lib/browser/tracker-service.ts) calls `trackerConfig` at start and whenever
 * the settings change.
 */
import type { Settings } from '@/lib/settings';
import { compileExclusions } from '@/lib/tracker/exclusions';
import type { TrackerConfig } from '@/lib/tracker/machine';

/** Heartbeat alarm period. 30 s is the minimum Chrome allows for a packed extension. */
export const HEARTBEAT_MINUTES = 0.5;
/** A gap between sightings longer than this (sleep, crash) is never counted. */
export const GAP_MS = 3 * HEARTBEAT_MINUTES * 60_000;
/** A call tab that is silent for less than this still counts as the call. */
export const CALL_GRACE_MS = 20_000;

/** The state machine's configuration for these settings. */
export function trackerConfig(
  settings: Pick<Settings, 'idleThresholdSec' | 'excludedHosts'>,
  isCallHost: (host: string) => boolean,
): TrackerConfig {
  return {
    idleThresholdMs: settings.idleThresholdSec * 1000,
    gapMs: GAP_MS,
    callGraceMs: CALL_GRACE_MS,
    isExcluded: compileExclusions(settings.excludedHosts),
    isCallHost,
  };
}
