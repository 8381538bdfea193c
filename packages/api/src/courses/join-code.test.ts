import { describe, expect, it } from "vitest";
import {
  formatJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  newInviteToken,
  newJoinCode,
  normaliseJoinCode,
} from "./join-code";

describe("join codes", () => {
  it("are 8 characters of the unambiguous alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      for (const char of code) expect(JOIN_CODE_ALPHABET).toContain(char);
    }
  });

  it("leave out the characters people confuse", () => {
    for (const char of "01ILOU") expect(JOIN_CODE_ALPHABET).not.toContain(char);
  });

  it("read as two groups of four", () => {
    expect(formatJoinCode("K7QM3XPA")).toBe("K7QM-3XPA");
  });

  it("are typed in any case, with spaces or hyphens", () => {
    expect(normaliseJoinCode("k7qm-3xpa")).toBe("K7QM3XPA");
    expect(normaliseJoinCode(" K7QM 3XPA ")).toBe("K7QM3XPA");
    expect(normaliseJoinCode("k7qm–3xpa")).toBe("K7QM3XPA");
  });

  it("accept Arabic-Indic digits and full-width letters as their ASCII forms", () => {
    expect(normaliseJoinCode("K٧QM-٣XPA")).toBe("K7QM3XPA");
    expect(normaliseJoinCode("K۷QM۳XPA")).toBe("K7QM3XPA");
    expect(normaliseJoinCode("ＫＱ７Ｍ３ＸＰＡ")).toBe("KQ7M3XPA");
  });

  it("refuse what cannot be a code", () => {
    expect(normaliseJoinCode("K7QM3XP")).toBeNull();
    expect(normaliseJoinCode("K7QM3XPAA")).toBeNull();
    expect(normaliseJoinCode("K0QM3XPA")).toBeNull();
    expect(normaliseJoinCode("")).toBeNull();
    expect(normaliseJoinCode("مرحبا12345")).toBeNull();
  });
});

describe("invite tokens", () => {
  it("are long url-safe secrets, different every time", () => {
    const tokens = new Set(Array.from({ length: 100 }, newInviteToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
