// Why a file is refused, or what of it was left out: each problem has a stable code, the item
// it is about (1-based, in file order) and a sentence in both UI languages saying what and where.

/** A sentence for people, in both UI languages. */
export interface LocalisedMessage {
  en: string;
  ar: string;
}

/** One problem of an import file. */
export interface ImportProblem {
  code: ImportProblemCode;
  /** 1-based item number in the file; null for the file as a whole. */
  item: number | null;
  message: LocalisedMessage;
}

// Latin names (ids, paths, selector types) inside an Arabic sentence are isolated, so that the
// bidi algorithm cannot reorder the words around them.
const iso = (text: string) => `\u2068${text}\u2069`;

type Params = Record<string, string | number>;
type Template = (p: Params) => LocalisedMessage;

// Each sentence of an item starts with "Item N: " / "العنصر N: ", added by `itemProblem`.
const templates = {
  "import.not_json": () => ({
    en: "The file is not valid JSON.",
    ar: "الملف ليس بصيغة JSON صالحة.",
  }),
  "import.unknown_format": () => ({
    en: "The file is neither W3C Web Annotation JSON-LD nor Hypothesis API JSON.",
    ar: `الملف ليس بصيغة ${iso("W3C Web Annotation JSON-LD")} ولا بصيغة ${iso("JSON")} التي تصدّرها واجهة ${iso("Hypothesis")}.`,
  }),
  "import.own_export": () => ({
    en: "This is Hashiya's own JSON export, made for reading by other programs. To bring a discussion into a text, export it as W3C Web Annotation (JSON-LD) and import that file.",
    ar: `هذا ملف ${iso("JSON")} بصيغة حاشية الخاصة، وهو معدّ لتقرأه برامج أخرى. لنقل نقاش إلى نص، صدِّره بصيغة ${iso("W3C Web Annotation (JSON-LD)")} ثم استورد ذلك الملف.`,
  }),
  "import.no_context": () => ({
    en: "The file does not name the W3C Web Annotation context (http://www.w3.org/ns/anno.jsonld) in its @context.",
    ar: `لا يذكر الملف سياق ${iso("W3C Web Annotation")} ‏(${iso("http://www.w3.org/ns/anno.jsonld")}) في ${iso("@context")}.`,
  }),
  "import.linked_pages": () => ({
    en: "The collection only links to its pages: export it again with its annotations inside the file.",
    ar: "لا تحوي المجموعة صفحاتها بل روابط إليها: صدِّرها من جديد بحيث تكون التعليقات داخل الملف.",
  }),
  "import.empty": () => ({
    en: "The file holds no annotations.",
    ar: "لا يحتوي الملف على أي تعليق.",
  }),
  "import.too_many": (p) => ({
    en: `The file holds more than ${p.max} items: split it into smaller files.`,
    ar: `يحتوي الملف على أكثر من ${p.max} عنصر: قسِّمه إلى ملفات أصغر.`,
  }),
  "import.item_shape": (p) => ({
    en: `the field “${p.path}” ${p.en}.`,
    ar: `الحقل «${iso(String(p.path))}» ${p.ar}.`,
  }),
  "import.no_id": () => ({
    en: "it has no id, so importing the file again could not tell it from a new one.",
    ar: `ليس له معرِّف (${iso("id")})، فلا يمكن تمييزه إذا استُورد الملف مرة أخرى.`,
  }),
  "import.duplicate_id": (p) => ({
    en: `its id ${p.id} is also the id of item ${p.other}.`,
    ar: `معرِّفه ${iso(String(p.id))} هو أيضًا معرِّف العنصر ${p.other}.`,
  }),
  "import.no_quote": () => ({
    en: "the target has no TextQuoteSelector, so its passage cannot be found in the text.",
    ar: `لا يحتوي الهدف على محدِّد ${iso("TextQuoteSelector")}، فلا يمكن العثور على مقطعه في النص.`,
  }),
  "import.bad_position": () => ({
    en: "the TextPositionSelector ends before it starts.",
    ar: `ينتهي المحدِّد ${iso("TextPositionSelector")} قبل أن يبدأ.`,
  }),
  "import.comment_too_long": () => ({
    en: "the comment is longer than 10,000 characters.",
    ar: "التعليق أطول من 10٬000 حرف.",
  }),
  "import.comment_too_many_nodes": () => ({
    en: "the comment has more than 2,000 paragraphs, list items or mentions.",
    ar: "يحتوي التعليق على أكثر من 2٬000 فقرة أو عنصر قائمة أو إشارة.",
  }),
  "import.comment_invalid": () => ({
    en: "the comment cannot be read.",
    ar: "تعذّرت قراءة التعليق.",
  }),
  "import.unknown_moderation": (p) => ({
    en: `“${p.value}” is not a moderation decision we know (hide, unhide, approve, deny, remove, restore, lock, unlock).`,
    ar: `«${iso(String(p.value))}» ليس قرار إشراف معروفًا (${iso("hide, unhide, approve, deny, remove, restore, lock, unlock")}).`,
  }),
  "import.reply_loop": () => ({
    en: "it answers a reply that, through its own chain of replies, answers it back: no annotation on the text starts the thread.",
    ar: "هو ردّ على ردّ يعود بسلسلة الردود إليه: لا يبدأ هذه المحادثة أي تعليق على النص.",
  }),
  // Warnings: the file is accepted, the item is left out or changed.
  "import.parent_missing": (p) => ({
    en: `left out: it replies to ${p.target}, which is not in the file.`,
    ar: `أُهمل: فهو ردّ على ${iso(String(p.target))} غير الموجود في الملف.`,
  }),
  "import.subject_missing": (p) => ({
    en: `left out: the moderation decision is about ${p.target}, which is not in the file.`,
    ar: `أُهمل: فقرار الإشراف يخص ${iso(String(p.target))} غير الموجود في الملف.`,
  }),
  "import.page_note": () => ({
    en: "left out: it is a note on the whole page, with no quoted passage to attach it to.",
    ar: "أُهمل: فهو ملاحظة على الصفحة كلها، بلا مقطع مقتبس يمكن ربطه به.",
  }),
  "import.tags_dropped": (p) => ({
    en: `${p.count} of its tags were left out (longer than 40 characters, holding control characters, or past the tenth).`,
    ar: `أُهمل ${p.count} من وسومه (أطول من 40 حرفًا أو فيها محارف تحكّم أو بعد الوسم العاشر).`,
  }),
  "import.body_not_text": () => ({
    en: "a body that is not text (a link to another resource) was left out.",
    ar: "أُهمل متن ليس نصًا (رابط إلى مورد آخر).",
  }),
} satisfies Record<string, Template>;

/** Stable identifiers of every import problem. */
export type ImportProblemCode = keyof typeof templates;

/** Every problem code, for tests and for UIs that list them. */
export const importProblemCodes = Object.keys(templates) as ImportProblemCode[];

/** A problem of the whole file. */
export function fileProblem(code: ImportProblemCode, params: Params = {}): ImportProblem {
  return { code, item: null, message: templates[code](params) };
}

/** A problem of item `item` (1-based): "Item 12: …" / "العنصر 12: …". */
export function itemProblem(
  code: ImportProblemCode,
  item: number,
  params: Params = {},
): ImportProblem {
  const { en, ar } = templates[code](params);
  return { code, item, message: { en: `Item ${item}: ${en}`, ar: `العنصر ${item}: ${ar}` } };
}

/** The problem of an item whose comment a body conversion refused. */
export function commentProblem(
  code: "comment.too_long" | "comment.too_many_nodes" | "comment.invalid",
  item: number,
): ImportProblem {
  const codes = {
    "comment.too_long": "import.comment_too_long",
    "comment.too_many_nodes": "import.comment_too_many_nodes",
    "comment.invalid": "import.comment_invalid",
  } as const;
  return itemProblem(codes[code], item);
}
