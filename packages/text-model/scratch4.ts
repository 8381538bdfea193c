import { anchor } from "./src/anchor";
import { describeRange } from "./src/selectors";
import { prepareText } from "./src/prepared-text";
for (const text of ["\u064e\u0651\u0644", "ـَّلللل"]) {
  const d = describeRange(text, { start: 0, end: 2 });
  console.log(JSON.stringify(d.selectors), JSON.stringify(anchor(text, d.selectors)));
  const p = prepareText(text);
  console.log(JSON.stringify(p.folded), p.text.length);
}
