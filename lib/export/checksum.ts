/**
 * FNV-1a, 64-bit, over the UTF-8 bytes of text fed in pieces. Pure JS (no crypto.subtle), fast
 * enough for a few hundred MB, and streaming: `update` can be called once per row.
 *
 * It detects damage and accidental edits of a backup; it is not a signature (anyone can recompute it).
 */

/** 64-bit state as four 16-bit limbs (lowest first), so every product stays exact in a double. */
export class Fnv1a64 {
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  /** Mix one byte: h ^= byte; h *= 0x100000001b3 (mod 2^64). */
  private byte(b: number): void {
    const h0 = this.h0 ^ b;
    const { h1, h2, h3 } = this;
    // prime = 2^40 + 0x1b3: limb 0 is 0x1b3, limb 2 is 0x100.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    this.h0 = t0 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h3 = t3 & 0xffff;
  }

  /** Feed text (encoded as UTF-8; lone surrogates as U+FFFD, like TextEncoder). */
  update(text: string): this {
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        this.byte(c);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else c = 0xfffd;
      }
      if (c < 0x800) {
        this.byte(0xc0 | (c >> 6));
        this.byte(0x80 | (c & 0x3f));
      } else if (c < 0x10000) {
        this.byte(0xe0 | (c >> 12));
        this.byte(0x80 | ((c >> 6) & 0x3f));
        this.byte(0x80 | (c & 0x3f));
      } else {
        this.byte(0xf0 | (c >> 18));
        this.byte(0x80 | ((c >> 12) & 0x3f));
        this.byte(0x80 | ((c >> 6) & 0x3f));
        this.byte(0x80 | (c & 0x3f));
      }
    }
    return this;
  }

  /** 16 lower-case hex digits. */
  digest(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((x) => x.toString(16).padStart(4, '0')).join('');
  }
}

/** FNV-1a 64 of a whole string, as 16 hex digits. */
export function fnv1a64(text: string): string {
  return new Fnv1a64().update(text).digest();
}
