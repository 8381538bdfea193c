import * as am from "../packages/text-model/src/approx-match";
import { prepareText } from "../packages/text-model/src/index";
import { arabicBook } from "./lib/arabic-book";
const text = arabicBook(50000).join("\n");
const p = prepareText(text);
const enc = p.foldedEncoded;
enc.trigrams();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const pats = ["محل سوال. 4.29", "نظام تسلطي (توتاليتاري) في عهد ستالين. 10.88", "ستالين. 23.207 يتبع 24.208 ان تروتسكي الذي", "كاوتسكي. 48.428 مع نهاية 1920", "ان تروتسكي الذي بقي خارج كلا"];
for (const pat of pats) {
  const k = Math.floor(pat.length / 4);
  for (let i = 0; i < 5; i++) am.approxSearch(enc, pat, k);
  let t0 = cpu();
  for (let i = 0; i < 20; i++) am.approxSearch(enc, pat, k);
  const a = (cpu() - t0) / 20;
  t0 = cpu();
  for (let i = 0; i < 20; i++) (am as any).candidateRegions(enc, pat, k, 0, enc.text.length);
  const b = (cpu() - t0) / 20;
  console.log(pat.length, k, "search cpu ms", a.toFixed(2), "filter cpu ms", b.toFixed(2));
}
