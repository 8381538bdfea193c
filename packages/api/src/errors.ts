/**
 * Errors a user can meet, each with a stable id and a sentence in both UI languages.
 * The tRPC error formatter sends `appCode` and `messages`; clients show the one in their
 * language, and API users get both.
 */
export const errorMessages = {
  "auth.email_taken": {
    en: "An account with this email already exists. Sign in instead, or use another email.",
    ar: "يوجد حساب بهذا البريد الإلكتروني. سجّل الدخول، أو استخدم بريدًا آخر.",
  },
  "auth.wrong_password": {
    en: "The email or password is not right. Check them and try again.",
    ar: "البريد الإلكتروني أو كلمة المرور غير صحيحة. تحقّق منهما وحاول مرة أخرى.",
  },
  "auth.weak_password.too_short": {
    en: "The password is too short: use at least 10 characters.",
    ar: "كلمة المرور قصيرة جدًا: استخدم 10 أحرف على الأقل.",
  },
  "auth.weak_password.too_long": {
    en: "The password is too long: use at most 200 characters.",
    ar: "كلمة المرور طويلة جدًا: استخدم 200 حرف على الأكثر.",
  },
  "auth.weak_password.too_simple": {
    en: "The password is too easy to guess: mix more different letters, digits or words.",
    ar: "كلمة المرور سهلة التخمين: استخدم أحرفًا وأرقامًا وكلمات أكثر تنوعًا.",
  },
  "auth.weak_password.contains_email": {
    en: "The password must not contain your email address.",
    ar: "يجب ألا تحتوي كلمة المرور على بريدك الإلكتروني.",
  },
  "auth.sign_in_required": {
    en: "Please sign in first.",
    ar: "يرجى تسجيل الدخول أولًا.",
  },
  "course.members_only": {
    en: "Only members of this course can comment here. Ask the instructor for an invitation.",
    ar: "التعليق هنا لأعضاء هذا المقرر فقط. اطلب دعوة من المدرّس.",
  },
  "text.version_conflict": {
    en: "The text changed while you were reading it. Reload it and select the passage again.",
    ar: "تغيّر النص أثناء قراءتك له. أعد تحميله وحدِّد المقطع من جديد.",
  },
  "annotation.invalid_range": {
    en: "The selected passage is not in the text. Select it again.",
    ar: "المقطع المحدَّد غير موجود في النص. حدِّده من جديد.",
  },
  "comment.empty": {
    en: "The comment is empty. Write something before sending it.",
    ar: "التعليق فارغ. اكتب شيئًا قبل إرساله.",
  },
  "comment.too_long": {
    en: "The comment is too long: keep it under 10,000 characters.",
    ar: "التعليق طويل جدًا: اجعله أقل من 10٬000 حرف.",
  },
  "comment.forbidden_character": {
    en: "The comment contains invisible control characters. Remove them and try again.",
    ar: "يحتوي التعليق على محارف تحكّم غير مرئية. احذفها وحاول مرة أخرى.",
  },
  "comment.too_deep": {
    en: "The lists in this comment are nested too deeply: use at most four levels.",
    ar: "القوائم في هذا التعليق متداخلة أكثر من اللازم: استخدم أربعة مستويات على الأكثر.",
  },
  "comment.too_many_nodes": {
    en: "The comment has too many paragraphs, list items or mentions. Shorten it.",
    ar: "يحتوي التعليق على عدد كبير جدًا من الفقرات أو عناصر القوائم أو الإشارات. اختصره.",
  },
  "comment.unsafe_link": {
    en: "Links must be web (http or https) or email (mailto) addresses.",
    ar: "يجب أن تكون الروابط عناوين ويب (http أو https) أو بريد إلكتروني (mailto).",
  },
  "range.empty": {
    en: "Select at least one character of the text to comment on it.",
    ar: "حدِّد محرفًا واحدًا على الأقل من النص للتعليق عليه.",
  },
  "range.inverted": {
    en: "The selected passage ends before it starts. Select it again.",
    ar: "ينتهي المقطع المحدَّد قبل بدايته. حدِّده من جديد.",
  },
  "search.query_length": {
    en: "Type between 1 and 200 characters to search.",
    ar: "اكتب ما بين 1 و200 حرف للبحث.",
  },
  "tag.invalid": {
    en: "A tag must have 1 to 40 characters and no control or text-direction characters.",
    ar: "يجب أن يتكوّن الوسم من 1 إلى 40 حرفًا، دون محارف تحكّم أو محارف اتجاه النص.",
  },
  "tag.too_many": {
    en: "A comment can have at most 10 tags.",
    ar: "يمكن أن يحمل التعليق 10 وسوم على الأكثر.",
  },
  "rate_limit.writes": {
    en: "You are posting or changing things faster than allowed. Wait a minute, then try again.",
    ar: "أنت تنشر أو تعدّل أسرع من المسموح به. انتظر دقيقة ثم حاول مرة أخرى.",
  },
  "rate_limit.sign_up": {
    en: "Too many accounts were requested from this network. Wait an hour, then try again.",
    ar: "طُلب عدد كبير جدًا من الحسابات من هذه الشبكة. انتظر ساعة ثم حاول مرة أخرى.",
  },
  "rate_limit.sign_in": {
    en: "Too many failed sign-ins with this email. Wait 15 minutes, then try again.",
    ar: "محاولات دخول فاشلة كثيرة بهذا البريد الإلكتروني. انتظر 15 دقيقة ثم حاول مرة أخرى.",
  },
  "request.too_large": {
    en: "What you sent is too large to be accepted. Shorten it, then try again.",
    ar: "ما أرسلته أكبر من أن يُقبل. اختصره ثم حاول مرة أخرى.",
  },
  "display_name.invalid": {
    en: "A name must have 1 to 80 characters, including at least one letter or digit.",
    ar: "يجب أن يتكوّن الاسم من 1 إلى 80 حرفًا، منها حرف أو رقم واحد على الأقل.",
  },
  "thread.deleted": {
    en: "This comment has been deleted: it can no longer be edited, replied to or reacted to.",
    ar: "حُذف هذا التعليق: لم يعد ممكنًا تعديله أو الرد عليه أو التفاعل معه.",
  },
  "moderation.reason_required": {
    en: "Write a short reason: it is recorded, and shown to the people concerned.",
    ar: "اكتب سببًا موجزًا: يُسجَّل ويُعرض على المعنيين.",
  },
  "moderation.reason_too_long": {
    en: "The reason is too long: keep it under 500 characters.",
    ar: "السبب طويل جدًا: اجعله أقل من 500 حرف.",
  },
  "moderation.reason_invalid": {
    en: "The reason contains invisible control or text-direction characters. Remove them and try again.",
    ar: "يحتوي السبب على محارف تحكّم أو محارف اتجاه نص غير مرئية. احذفها وحاول مرة أخرى.",
  },
  "moderation.staff_only": {
    en: "Only the course's moderators and instructors can moderate it.",
    ar: "لا يشرف على المقرر إلا مشرفوه ومدرّسوه.",
  },
  "moderation.muted": {
    en: "A moderator has muted you in this course until {until}: you can read, but not post, reply or react until then.",
    ar: "كتمك أحد المشرفين في هذا المقرر حتى {until}: يمكنك القراءة، لكن لا يمكنك النشر أو الرد أو التفاعل حتى ذلك الحين.",
  },
  "thread.locked": {
    en: "A moderator has locked this thread: it takes no new replies.",
    ar: "أقفل أحد المشرفين هذا النقاش: لم يعد يقبل ردودًا جديدة.",
  },
  "flag.already_open": {
    en: "You have already reported this. A moderator will look at it.",
    ar: "سبق أن أبلغت عن هذا. سينظر فيه أحد المشرفين.",
  },
  "moderation.not_pending": {
    en: "This post is not waiting for approval (any more).",
    ar: "هذه المشاركة لا تنتظر الموافقة (لم تعد كذلك).",
  },
  "moderation.not_visible": {
    en: "Only a visible post can be hidden. This one is pending, denied, hidden or deleted.",
    ar: "لا يُخفى إلا ما هو ظاهر. هذه المشاركة معلّقة أو مرفوضة أو مخفية أو محذوفة.",
  },
  "flag.not_available": {
    en: "This post is hidden or deleted: there is nothing left to report.",
    ar: "هذه المشاركة مخفية أو محذوفة: لم يبقَ ما يُبلَّغ عنه.",
  },
  "moderation.not_hidden": {
    en: "This post is not hidden.",
    ar: "هذه المشاركة غير مخفية.",
  },
  "moderation.already_removed": {
    en: "A moderator has already deleted this post.",
    ar: "حذف أحد المشرفين هذه المشاركة من قبل.",
  },
  "moderation.deleted_by_author": {
    en: "Its author deleted this post: there is nothing left to moderate.",
    ar: "حذف كاتب هذه المشاركة نصّها: لم يبقَ ما يُشرف عليه.",
  },
  "moderation.already_locked": {
    en: "This thread is already locked.",
    ar: "هذا النقاش مقفل من قبل.",
  },
  "moderation.not_locked": {
    en: "This thread is not locked.",
    ar: "هذا النقاش غير مقفل.",
  },
  "moderation.not_muted": {
    en: "This member is not muted.",
    ar: "هذا العضو غير مكتوم.",
  },
  "moderation.cannot_mute_staff": {
    en: "Only students can be muted. Speak to an instructor about a moderator or an instructor.",
    ar: "لا يُكتم إلا الطلاب. تحدّث إلى أحد المدرّسين بشأن مشرف أو مدرّس.",
  },
  "moderation.no_open_flags": {
    en: "There is no open report on this post.",
    ar: "لا يوجد بلاغ مفتوح على هذه المشاركة.",
  },
  "moderation.already_undone": {
    en: "This action has already been undone.",
    ar: "تم التراجع عن هذا الإجراء من قبل.",
  },
  "moderation.state_moved_on": {
    en: "This can no longer be undone: what it changed has changed again since. Undo the later action first.",
    ar: "لم يعد التراجع عن هذا ممكنًا: تغيّر ما غيّره مرة أخرى بعده. تراجع عن الإجراء اللاحق أولًا.",
  },
  "live.unavailable": {
    en: "Live updates are not available right now. Reload the page to see the latest comments.",
    ar: "التحديثات المباشرة غير متاحة الآن. أعد تحميل الصفحة لرؤية أحدث التعليقات.",
  },
  "dashboard.staff_only": {
    en: "Only the course's instructors and moderators can see this text's dashboard.",
    ar: "لوحة متابعة هذا النص متاحة لمدرّسي المقرر ومشرفيه فقط.",
  },
  "mention.not_allowed": {
    en: "You can mention only members of this course who can see this comment. A private comment mentions nobody; an instructors-only one only the staff.",
    ar: "يمكنك أن تشير فقط إلى أعضاء المقرر الذين يرون هذا التعليق. التعليق الخاص لا يُشار فيه إلى أحد، والتعليق الموجَّه إلى المدرّسين لا يُشار فيه إلا إلى الطاقم.",
  },
  "mention.too_many": {
    en: "A comment can mention at most 20 people.",
    ar: "يمكن أن يشير التعليق إلى 20 شخصًا على الأكثر.",
  },
  "course.title_invalid": {
    en: "A course title needs 1 to 120 characters, without control or text-direction characters.",
    ar: "يحتاج عنوان المقرر إلى ما بين 1 و120 حرفًا، دون محارف تحكّم أو محارف اتجاه النص.",
  },
  "course.instructors_only": {
    en: "Only the course's instructors can change its settings, texts, invitations and members.",
    ar: "لا يغيّر إعدادات المقرر ونصوصه ودعواته وأعضاءه إلا مدرّسوه.",
  },
  "course.staff_only": {
    en: "Only the course's instructors and moderators can see this.",
    ar: "هذا متاح لمدرّسي المقرر ومشرفيه فقط.",
  },
  "course.archived": {
    en: "This course is archived: it can be read, but nothing in it can be changed until an instructor restores it.",
    ar: "هذا المقرر مؤرشف: يمكن قراءته، لكن لا يمكن تغيير شيء فيه حتى يستعيده أحد مدرّسيه.",
  },
  "course.access_revoked": {
    en: "You can no longer read this text: you left or were removed from its course, or it was made private or deleted. This page has stopped updating and you cannot write here. Ask the instructor if this is a mistake.",
    ar: "لم يعد بإمكانك قراءة هذا النص: غادرت مقرره أو أُزلت منه، أو جُعل خاصًّا أو حُذف. توقّف تحديث هذه الصفحة ولم يعد بإمكانك الكتابة هنا. اسأل المدرّس إن كان في ذلك خطأ.",
  },
  "live.resync": {
    en: "Your access to this course changed. The page is catching up with what you may now see.",
    ar: "تغيّرت صلاحياتك في هذا المقرر. تُحدَّث الصفحة لتعرض ما يمكنك رؤيته الآن.",
  },
  "member.not_found": {
    en: "This person is not a member of the course (any more).",
    ar: "هذا الشخص ليس عضوًا في المقرر (لم يعد كذلك).",
  },
  "member.last_instructor": {
    en: "A course needs at least one instructor: make someone else an instructor first.",
    ar: "يحتاج المقرر إلى مدرّس واحد على الأقل: اجعل شخصًا آخر مدرّسًا أولًا.",
  },
  "member.leave_last_instructor": {
    en: "You are this course's only instructor: make someone else an instructor before you leave it.",
    ar: "أنت المدرّس الوحيد لهذا المقرر: اجعل شخصًا آخر مدرّسًا قبل أن تغادره.",
  },
  "member.leave_while_muted": {
    en: "You are muted in this course: you can leave it once the mute ends, or ask an instructor to remove you.",
    ar: "أنت مكتوم في هذا المقرر: يمكنك مغادرته بعد انتهاء الكتم، أو اطلب من أحد المدرّسين إزالتك.",
  },
  "member.not_member": {
    en: "You are not a member of this course, so there is nothing to leave.",
    ar: "لست عضوًا في هذا المقرر، فلا شيء تغادره.",
  },
  "invite.invalid": {
    en: "This invitation link or code does not exist. Check it, or ask the instructor for a new one.",
    ar: "رابط الدعوة أو رمزها غير موجود. تحقّق منه، أو اطلب دعوة جديدة من المدرّس.",
  },
  "invite.code_format": {
    en: "A join code has 8 letters and digits, like K7QM-3XPA. Check what you typed.",
    ar: "يتكوّن رمز الانضمام من 8 حروف وأرقام، مثل K7QM-3XPA. تحقّق مما كتبته.",
  },
  "invite.expired": {
    en: "This invitation has expired. Ask the instructor for a new one.",
    ar: "انتهت صلاحية هذه الدعوة. اطلب دعوة جديدة من المدرّس.",
  },
  "invite.revoked": {
    en: "The instructor has withdrawn this invitation. Ask them for a new one.",
    ar: "سحب المدرّس هذه الدعوة. اطلب منه دعوة جديدة.",
  },
  "invite.expiry_invalid": {
    en: "An invitation can expire at the earliest in a minute and at the latest in a year.",
    ar: "يمكن أن تنتهي صلاحية الدعوة بعد دقيقة على الأقل وسنة على الأكثر.",
  },
  "text.title_invalid": {
    en: "A text's title needs 1 to 200 characters, without control or text-direction characters.",
    ar: "يحتاج عنوان النص إلى ما بين 1 و200 حرف، دون محارف تحكّم أو محارف اتجاه النص.",
  },
  "text.instructions_too_long": {
    en: "The instructions are too long: keep them under 4,000 characters.",
    ar: "التعليمات طويلة جدًا: اجعلها أقل من 4٬000 حرف.",
  },
  "text.empty": {
    en: "The text is empty: paste or upload something to read.",
    ar: "النص فارغ: الصق نصًا أو ارفع ملفًا لقراءته.",
  },
  "text.too_large": {
    en: "The text is too large: the limit is 2 MB.",
    ar: "النص كبير جدًا: الحد الأقصى 2 ميغابايت.",
  },
  "text.too_many_words": {
    en: "The text has too many words: the limit is 500,000.",
    ar: "عدد كلمات النص كبير جدًا: الحد الأقصى 500٬000 كلمة.",
  },
  "text.invalid_unicode": {
    en: "The text contains broken characters. Save it again as UTF-8 and retry.",
    ar: "يحتوي النص على محارف تالفة. احفظه من جديد بترميز UTF-8 وأعد المحاولة.",
  },
  "text.binary": {
    en: "This file is not a text: upload a .txt or .md file saved as UTF-8.",
    ar: "هذا الملف ليس نصًا: ارفع ملف ‎.txt أو ‎.md محفوظًا بترميز UTF-8.",
  },
  "account.reset_link_invalid": {
    en: "This password-reset link is not valid any more: it was used, it expired (after 30 minutes) or it is incomplete. Ask for a new one.",
    ar: "رابط إعادة تعيين كلمة المرور هذا لم يعد صالحًا: استُخدم من قبل، أو انتهت مدته (30 دقيقة)، أو هو ناقص. اطلب رابطًا جديدًا.",
  },
  "account.wrong_password": {
    en: "The password is not right. Type your current password to confirm.",
    ar: "كلمة المرور غير صحيحة. اكتب كلمة مرورك الحالية للتأكيد.",
  },
  "account.last_instructor": {
    en: "You are the only instructor of a course that has other members. Make someone else its instructor first, then delete your account.",
    ar: "أنت المدرّس الوحيد لمقرر فيه أعضاء آخرون. اجعل غيرك مدرّسًا له أولًا، ثم احذف حسابك.",
  },
  "admin.only": {
    en: "Only the site's administrators can see this page.",
    ar: "هذه الصفحة لمديري الموقع فقط.",
  },
  "admin.last_admin": {
    en: "The site needs at least one administrator. Make someone else an administrator first.",
    ar: "يحتاج الموقع إلى مدير واحد على الأقل. اجعل شخصًا آخر مديرًا أولًا.",
  },
  "rate_limit.password_reset": {
    en: "Too many password-reset requests. Wait an hour, then try again.",
    ar: "طلبات كثيرة لإعادة تعيين كلمة المرور. انتظر ساعة ثم حاول مرة أخرى.",
  },
  "export.bad_request": {
    en: "This export cannot be made: choose one of the formats csv, json, w3c, html or md.",
    ar: "لا يمكن إنشاء هذا التصدير: اختر أحد الصيغ csv أو json أو w3c أو html أو md.",
  },
  "api_token.name_invalid": {
    en: "Give the token a name of 1 to 80 characters, so that you can tell it apart later.",
    ar: "أعطِ الرمز اسمًا من حرف إلى 80 حرفًا، لتميّزه لاحقًا.",
  },
  "api_token.too_many": {
    en: "You have 20 active API tokens, the most allowed. Revoke one you no longer use first.",
    ar: "لديك 20 رمز وصول نشطًا، وهو الحد الأقصى. ألغِ رمزًا لم تعد تستخدمه أولًا.",
  },
  "api_token.invalid": {
    en: "This API token is unknown or has been revoked. Create a new one in your account settings.",
    ar: "رمز الوصول هذا غير معروف أو أُلغي. أنشئ رمزًا جديدًا من إعدادات حسابك.",
  },
  "protocol.token_required": {
    en: 'Changing annotations through the API needs a personal API token: send it as "Authorization: Bearer <token>".',
    ar: 'تغيير التعليقات عبر واجهة البرمجة يحتاج إلى رمز وصول شخصي: أرسله بالصيغة "Authorization: Bearer <token>".',
  },
  "protocol.bad_json": {
    en: "The request body is not valid JSON.",
    ar: "جسم الطلب ليس JSON صالحًا.",
  },
  "protocol.not_annotation": {
    en: "The request body is not a W3C Web Annotation: {details}",
    ar: "جسم الطلب ليس تعليقًا توضيحيًا وفق W3C Web Annotation: {details}",
  },
  "protocol.unsupported_type": {
    en: "Send the annotation as application/ld+json with the profile http://www.w3.org/ns/anno.jsonld.",
    ar: "أرسل التعليق بصيغة application/ld+json مع الملف التعريفي http://www.w3.org/ns/anno.jsonld.",
  },
  "protocol.not_acceptable": {
    en: "Annotations are served only as application/ld+json with the profile http://www.w3.org/ns/anno.jsonld.",
    ar: "تُقدَّم التعليقات بصيغة application/ld+json مع الملف التعريفي http://www.w3.org/ns/anno.jsonld فقط.",
  },
  "protocol.precondition_failed": {
    en: "The annotation changed since you read it. Fetch it again for its new ETag, then repeat your change.",
    ar: "تغيّر التعليق منذ قرأته. اجلبه مرة أخرى لتحصل على وسم ETag الجديد، ثم أعد تعديلك.",
  },
  "protocol.precondition_required": {
    en: "Send the annotation's ETag in an If-Match header, so that no one else's change is overwritten.",
    ar: "أرسل وسم ETag الخاص بالتعليق في ترويسة If-Match، حتى لا يُستبدل تعديل شخص آخر.",
  },
  "protocol.wrong_target": {
    en: "The annotation's target must be a passage of this text ({text}) with a TextQuoteSelector.",
    ar: "يجب أن يكون هدف التعليق مقطعًا من هذا النص ({text}) مع محدِّد TextQuoteSelector.",
  },
  "protocol.quote_not_found": {
    en: "The quoted passage (TextQuoteSelector) was not found in this text. Copy it exactly from the text.",
    ar: "لم يُعثر على المقطع المقتبس (TextQuoteSelector) في هذا النص. انسخه من النص كما هو.",
  },
  "protocol.target_changed": {
    en: "An annotation's passage cannot be changed. Send the same target; to move it, delete it and create a new one.",
    ar: "لا يمكن تغيير مقطع التعليق. أرسل الهدف نفسه؛ ولنقله احذفه وأنشئ تعليقًا جديدًا.",
  },
  "protocol.canonical_unsupported": {
    en: "Annotations with a canonical IRI cannot be stored here: it could not be kept unchanged as the protocol requires. Send the annotation without \"canonical\".",
    ar: "لا يمكن حفظ تعليقات لها معرّف canonical هنا: لا يمكن الإبقاء عليه دون تغيير كما يشترط البروتوكول. أرسل التعليق دون \"canonical\".",
  },
  "protocol.id_mismatch": {
    en: "The annotation's id must be the address you send it to.",
    ar: "يجب أن يكون معرّف التعليق هو العنوان الذي ترسله إليه.",
  },
  "protocol.method_not_allowed": {
    en: "This method is not allowed here; the Allow header lists the ones that are.",
    ar: "هذه الطريقة غير مسموحة هنا؛ ترويسة Allow تذكر الطرق المسموحة.",
  },
  "import.forbidden": {
    en: "Only the course's instructors can import annotations into its texts.",
    ar: "استيراد التعليقات إلى نصوص المقرر متاح لمدرّسيه فقط.",
  },
  "import.too_large": {
    en: "The file is larger than 20 MB: split it into smaller files and import them one by one.",
    ar: "حجم الملف أكبر من 20 ميغابايت: قسِّمه إلى ملفات أصغر واستوردها واحدًا تلو الآخر.",
  },
  "import.no_file": {
    en: "No file was sent: choose a W3C JSON-LD or Hypothesis JSON file to import.",
    ar: "لم يُرسَل أي ملف: اختر ملف W3C JSON-LD أو ملف JSON من Hypothesis لاستيراده.",
  },
  "import.not_text": {
    en: "The file is not text saved as UTF-8: export it again as JSON.",
    ar: "الملف ليس نصًا محفوظًا بترميز UTF-8: صدِّره من جديد بصيغة JSON.",
  },
  "import.refused": {
    en: "The file was not imported, and nothing of it was kept. Its problems are listed below.",
    ar: "لم يُستورد الملف، ولم يُحفظ منه شيء. مشكلاته مذكورة أدناه.",
  },
  "import.text_changed": {
    en: "The text was edited during the import, so nothing was imported. Import the file again.",
    ar: "عُدِّل النص أثناء الاستيراد، فلم يُستورد شيء. استورد الملف مرة أخرى.",
  },
  "import.failed": {
    en: "The import failed and nothing of it was kept. Try again in a moment.",
    ar: "فشل الاستيراد ولم يُحفظ منه شيء. حاول مرة أخرى بعد قليل.",
  },
  forbidden: {
    en: "You are not allowed to do this.",
    ar: "ليس مسموحًا لك بهذا.",
  },
  not_found: {
    en: "This page does not exist, or you do not have access to it.",
    ar: "هذه الصفحة غير موجودة، أو ليس لديك صلاحية الوصول إليها.",
  },
  invalid_input: {
    en: "Some of what was sent is not valid. Check the highlighted fields.",
    ar: "بعض ما أُرسل غير صالح. تحقّق من الحقول المعلَّمة.",
  },
} as const satisfies Record<string, { en: string; ar: string }>;

export type AppErrorCode = keyof typeof errorMessages;

/**
 * The sentences of an error with its `{name}` placeholders filled in (e.g. the end of a mute);
 * a placeholder without a value stays as written.
 */
export function formatErrorMessages(
  appCode: AppErrorCode,
  params: Record<string, string> = {},
): { en: string; ar: string } {
  const fill = (sentence: string) =>
    sentence.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  const { en, ar } = errorMessages[appCode];
  return { en: fill(en), ar: fill(ar) };
}
