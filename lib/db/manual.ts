/**
 * Manual time blocks in storage. A block is one or more segments (split at local midnight)
 * with source 'manual' sharing an `importId` of `manual:<id>`; manual segments written without
 * one (older data, demo data) are blocks of their own, addressed as `segment:<id>`. Each change
 * is one read-write transaction.
 */
import type { CreativeRatioDB } from '@/lib/db/schema';
import type { ClassName, KindId, Segment } from '@/lib/model';
import { DEFAULT_KIND } from '@/lib/classify/kinds';
import {
  isManualGroupId,
  manualGroupId,
  validateManualBlock,
  type ManualBlockInput,
  type ManualField,
} from '@/lib/calendar/manual-block';

export interface ManualBlock {
  /** `manual:<id>` or `segment:<id>`: pass it to update/delete. */
  key: string;
  start: number;
  end: number;
  label: string;
  class: ClassName;
  kind: KindId;
  segmentIds: number[];
}

/** Validation failed; `errors` holds the message for each field. */
export class ManualBlockError extends Error {
  constructor(readonly errors: Partial<Record<ManualField, string>>) {
    super(Object.values(errors).join(' '));
    this.name = 'ManualBlockError';
  }
}

const SEGMENT_KEY = 'segment:';
/** Manual segments are split at local midnight, so a day's lookback catches pieces crossing `from`. */
const LOOKBACK = 26 * 60 * 60 * 1000;

function newBlockId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function build(input: ManualBlockInput, now: number, groupId: string): Segment[] {
  const v = validateManualBlock(input, { now, groupId });
  if (!v.ok) throw new ManualBlockError(v.errors);
  return v.segments;
}

async function segmentsOfBlock(db: CreativeRatioDB, key: string): Promise<Segment[]> {
  if (isManualGroupId(key))
    return (await db.segments.where('importId').equals(key).toArray()).filter((s) => s.source === 'manual');
  if (key.startsWith(SEGMENT_KEY)) {
    const s = await db.segments.get(Number(key.slice(SEGMENT_KEY.length)));
    return s && s.source === 'manual' ? [s] : [];
  }
  return [];
}

/** Add a block. Returns its key. Throws ManualBlockError when invalid. */
export async function addManualBlock(db: CreativeRatioDB, input: ManualBlockInput, now: number): Promise<string> {
  const key = manualGroupId(newBlockId());
  const segments = build(input, now, key);
  await db.transaction('rw', db.segments, () => db.segments.bulkAdd(segments));
  return key;
}

/** Replace a block's time, label and class. Returns the (possibly new) key. */
export async function updateManualBlock(
  db: CreativeRatioDB,
  key: string,
  input: ManualBlockInput,
  now: number,
): Promise<string> {
  const groupId = isManualGroupId(key) ? key : manualGroupId(newBlockId());
  const segments = build(input, now, groupId);
  await db.transaction('rw', db.segments, async () => {
    const old = await segmentsOfBlock(db, key);
    if (old.length === 0) throw new Error('This block no longer exists.');
    await db.segments.bulkDelete(old.map((s) => s.id!));
    await db.segments.bulkAdd(segments);
  });
  return groupId;
}

/** Delete a block (every piece). Returns how many segments were deleted. */
export async function deleteManualBlock(db: CreativeRatioDB, key: string): Promise<number> {
  return db.transaction('rw', db.segments, async () => {
    const old = await segmentsOfBlock(db, key);
    await db.segments.bulkDelete(old.map((s) => s.id!));
    return old.length;
  });
}

function toBlock(key: string, pieces: Segment[]): ManualBlock {
  pieces.sort((a, b) => a.start - b.start);
  const first = pieces[0]!;
  const cls: ClassName = first.override?.class ?? 'unclassified';
  return {
    key,
    start: first.start,
    end: Math.max(...pieces.map((p) => p.end)),
    label: first.label ?? '',
    class: cls,
    kind: first.override?.kind ?? DEFAULT_KIND[cls],
    segmentIds: pieces.map((p) => p.id!),
  };
}

/** Blocks overlapping [from, to), whole (pieces outside the range included), sorted by start. */
export async function listManualBlocks(db: CreativeRatioDB, from: number, to: number): Promise<ManualBlock[]> {
  return db.transaction('r', db.segments, async () => {
    const hits = (
      await db.segments
        .where('start')
        .between(from - LOOKBACK, to, true, false)
        .toArray()
    ).filter((s) => s.source === 'manual' && s.end > from && s.start < to);
    const groups = new Map<string, Segment[]>();
    const groupIds = new Set<string>();
    for (const s of hits) {
      if (isManualGroupId(s.importId)) groupIds.add(s.importId!);
      else groups.set(`${SEGMENT_KEY}${s.id}`, [s]);
    }
    if (groupIds.size > 0) {
      const all = await db.segments
        .where('importId')
        .anyOf([...groupIds])
        .toArray();
      for (const s of all) {
        if (s.source !== 'manual') continue;
        const g = groups.get(s.importId!);
        if (g) g.push(s);
        else groups.set(s.importId!, [s]);
      }
    }
    return [...groups.entries()]
      .map(([key, pieces]) => toBlock(key, pieces))
      .sort((a, b) => a.start - b.start || a.end - b.end);
  });
}
