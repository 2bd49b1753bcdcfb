/**
 * The words of the privacy interlock: which controls publish, what the "Who can view" row looks
 * like, and what it must say for a post to be private. Code, not YAML, on purpose: no flow,
 * selector file or config can widen what counts as private.
 *
 * Wordings come from ../shared/tiktok-ui.md (§3.2, §3.3, C.5, C.6) and cover every locale we
 * know. French text carries no-break spaces (U+00A0, U+202F) and straight or curly apostrophes
 * depending on the build, so spaces and apostrophes are matched loosely.
 */

/** A space as TikTok writes it: ASCII whitespace, or a (narrow) no-break space. */
const SP = '[\\s\\u00A0\\u202F]';
const words = (s: string) => s.trim().split(/\s+/).join(`${SP}+`);

/** Labels of controls that publish, in every language we know (whole value, any case). */
export const PUBLISH_LABELS = [
  'post',
  'post now',
  'publish',
  'publish now',
  'publier',
  'publier maintenant',
  'publicar',
  'publicar ahora',
  'publicar agora',
  'posten',
  'jetzt posten',
  'veröffentlichen',
  'pubblica',
  'pubblica ora',
  'plaatsen',
  'opublikuj',
  'опубликовать',
  'paylaş',
  'đăng',
  'unggah',
  'posting',
  '发布',
  '發佈',
  '投稿',
  '게시',
] as const;

/** A regex source (Java, ICU and JavaScript alike) that matches a publish label as a whole value. */
export const PUBLISH_PATTERN = `${SP}*(?:${PUBLISH_LABELS.map(words).join('|')})${SP}*`;

/**
 * The privacy row of the post screen, whatever it says: "Everyone can view this post",
 * "Only you can view this post", "Tout le monde peut voir cette publication", "Seulement toi
 * peux voir cette publication"... (and the older "can watch this video"). zh-CN: the row holds
 * "只有你自己" once Only me is chosen (tiktok-ui.md C.6, repo B); its other wordings are unknown, so
 * a zh-CN row that is not private is not found and the gate refuses (fail closed).
 */
export const ROW_PATTERN = `.*(?:${words('can view')}|${words('can watch')}|${SP}(?:peut|peux|peuvent|pouvez)${SP}+voir${SP}|只有你自己).*`;

/** Evidence on screen that the post would be public (e.g. "Publish video publicly" dialogs). */
export const PUBLIC_PATTERN = `.*(?:publicly|publiquement|en${SP}+public|públicamente|öffentlich).*`;

/** What a privacy row must say for the post to be private (tested on the row's text or desc). */
const PRIVATE: RegExp[] = [
  /^(only you|only me) can (view|watch) this (post|video)\b/iu,
  /^(seulement toi|toi seule?|uniquement toi|moi uniquement) (peux|peut) voir (cette|ta) (publication|vidéo)\b/iu,
  /^(private|privé|privée)$/iu,
  /^只有你自己/u,
];

/** Normalise what the phone returned: no-break spaces and curly apostrophes become plain ones. */
export function normaliseText(s: string): string {
  return s
    .replace(/[\u00A0\u202F\s]+/g, ' ')
    .replace(/[\u2019\u02BC]/g, "'")
    .trim();
}

/** Does this label publish? (The same test the device lookup makes, for values read back.) */
export function isPublishLabel(s: string): boolean {
  return new RegExp(`^(?:${PUBLISH_PATTERN})$`, 'iu').test(s);
}

/** Does this row text say the post is private? */
export function rowSaysPrivate(row: string): boolean {
  const r = normaliseText(row);
  return PRIVATE.some((p) => p.test(r));
}

/** True when there is at least one privacy row and every one of them says private. */
export function rowsProvePrivate(rows: readonly string[] | undefined): boolean {
  return !!rows && rows.length > 0 && rows.every(rowSaysPrivate);
}
