import * as am from "../packages/text-model/src/approx-match";
import { prepareText } from "../packages/text-model/src/index";
import { arabicBook } from "./lib/arabic-book";
const text = arabicBook(50000).join("\n");
const p = prepareText(text);
const enc = p.foldedEncoded;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const pats = ["محل سوال. 4.29", "نظام تسلطي (توتاليتاري) في عهد ستالين. 10.88", "ان تروتسكي الذي بقي خارج كلا"];
for (const pat of pats) {
  const k = Math.floor(pat.length / 4);
  const big = 1000; // threshold negative → full scan
  for (let i = 0; i < 5; i++) am.approxSearch(enc, pat, k + 0);
  let t0 = cpu();
  const { starts, positions } = enc.trigrams();
  let x = 0;
  for (let i = 0; i < 20; i++) x += am.approxSearch(enc, pat, Math.ceil(pat.length / 3)).length;
  const a = (cpu() - t0) / 20;
  console.log(pat.length, "full-scan cpu ms (k=m/3)", a.toFixed(2), x);
}
