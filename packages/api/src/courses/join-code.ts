import { randomBytes, randomInt } from "node:crypto";

/**
 * The letters of a join code: digits and capitals without the ones people confuse when they
 * read a code aloud or copy it from a board (0/O, 1/I/L, and U, which can spell words).
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/** A fresh join code (30^8 ≈ 6.6·10^11 of them), stored without its hyphen. */
export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  }
  return code;
}

/** The secret of an invite link: 192 random bits. */
export function newInviteToken(): string {
  return randomBytes(24).toString("base64url");
}

/** A stored code as people read it: two groups of four ("K7QM-3XPA"). */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * A typed code as stored, or null when it cannot be one: case, spaces and hyphens do not
 * matter, full-width letters and Arabic-Indic digits count as their ASCII forms.
 */
export function normaliseJoinCode(typed: string): string | null {
  const code = typed
    .normalize("NFKC")
    .replace(EASTERN_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf))
    .replace(/[\s\-\u2010-\u2015_.]/g, "")
    .toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}
