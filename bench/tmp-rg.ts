import * as am from "../packages/text-model/src/approx-match";
import { prepareText } from "../packages/text-model/src/index";
import { arabicBook } from "./lib/arabic-book";
const text = arabicBook(50000).join("\n");
const p = prepareText(text);
const enc = p.foldedEncoded;
enc.trigrams();
const pats = ["محل سوال. 4.29", "نظام تسلطي (توتاليتاري) في عهد ستالين. 10.88", "ستالين. 23.207 يتبع 24.208 ان تروتسكي الذي", "كاوتسكي. 48.428 مع نهاية 1920", "ان تروتسكي الذي بقي خارج كلا"];
for (let rep = 0; rep < 3; rep++)
for (const pat of pats) {
  const k = Math.floor(pat.length / 4);
  const t0 = performance.now();
  const r = am.approxSearch(enc, pat, k);
  const t1 = performance.now();
  const regions = (am as any).candidateRegions(enc, pat, k, 0, enc.text.length);
  let cover = 0; for (let i = 0; i < regions.length; i += 2) cover += regions[i + 1] - regions[i];
  const t2 = performance.now();
  if (rep === 2) console.log(pat.length, k, r.length, (t1 - t0).toFixed(2), "regions", regions.length / 2, "cover", cover, (t2 - t1).toFixed(2));
}
