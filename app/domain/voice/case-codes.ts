// The reporter's keys to their case, shown once: a case number and a passphrase. Both are easy to
// copy by hand onto paper: the case number avoids letters that look alike (no 0/O, 1/I/L), the
// passphrase is five short common words. Only a slow hash of the passphrase is stored (argon2id, as
// for passwords); the case number alone opens nothing. Pure module: randomness comes from Web Crypto
// (global in Node and browsers) or from the caller.
import { WORDS } from "./words";

export type RandomBytes = (n: number) => Uint8Array;

const defaultRandom: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** 31 characters that are hard to misread or mistype: no 0, O, 1, I, L. */
export const CASE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** "K7P-4MX-29Q": nine random characters in three groups (about 44 bits: numbers are not guessable or sequential). */
export function newCaseNumber(random: RandomBytes = defaultRandom): string {
  const chars: string[] = [];
  while (chars.length < 9) {
    for (const b of random(16)) {
      // Rejection sampling keeps every character equally likely (248 = 8 × 31).
      if (b < 248 && chars.length < 9) chars.push(CASE_ALPHABET[b % 31]!);
    }
  }
  return `${chars.slice(0, 3).join("")}-${chars.slice(3, 6).join("")}-${chars.slice(6).join("")}`;
}

/** What a reporter typed, made comparable: upper case, dashes restored; null when it cannot be a case number. */
export function normalizeCaseNumber(raw: string): string | null {
  const plain = raw.toUpperCase().replace(/[\s\-_.]/g, "");
  if (!/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{9}$/.test(plain)) return null;
  return `${plain.slice(0, 3)}-${plain.slice(3, 6)}-${plain.slice(6)}`;
}

export const PASSPHRASE_WORDS = 5;

/** Five words from a list of 256 short common words (40 bits), lower case, separated by spaces. */
export function newPassphrase(random: RandomBytes = defaultRandom): string {
  return Array.from(random(PASSPHRASE_WORDS), (b) => WORDS[b]!).join(" ");
}

/** The passphrase as typed, made comparable: lower case, single spaces, no punctuation between words. */
export function normalizePassphrase(raw: string): string {
  return raw
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w !== "")
    .join(" ");
}
