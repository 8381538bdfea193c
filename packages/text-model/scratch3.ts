import fc from "fast-check";
import { anchor } from "./src/anchor";
import { prepareText } from "./src/prepared-text";
import { describeRange } from "./src/selectors";
const alphabet = fc.constantFrom("ل","ي","ن"," ","\u064e","\u0651","😀","👍🏽","\n","ـ","a");
fc.assert(fc.property(fc.array(alphabet, { minLength: 1, maxLength: 60 }), fc.nat(), fc.nat(), (parts, a, b) => {
  const text = parts.join("");
  const prepared = prepareText(text);
  const length = prepared.offsets.length;
  const start = a % length;
  const end = start + 1 + (b % (length - start));
  const d = describeRange(prepared, { start, end });
  const r = anchor(prepared, d.selectors);
  if (r.state !== "anchored" || r.start !== d.start || r.end !== d.end) { console.log(JSON.stringify({text, d, r})); return false; }
  return true;
}), { numRuns: 20000, seed: 2 });
