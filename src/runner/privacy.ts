/**
 * The privacy interlock: before any tap on a publish control, prove that the post is private.
 *
 * This is code, not YAML, on purpose: no flow or config edit can switch it off or widen what
 * counts as private. It is installed in the runner's tap itself, so every flow goes through it.
 */
import { DraftvaultError } from '../errors.js';

/** Texts of controls that publish (any TikTok language we know). */
const PUBLISH =
  /^(post|post now|publish|publish now|publier|publier maintenant|publicar|veröffentlichen|posten|pubblica)$/i;

/** The privacy row, whatever it says ("… can view this post", "… peut voir cette publication"). */
const ROW_ANDROID =
  'new UiSelector().descriptionMatches("(?s).*(can view|can watch|peut voir|peuvent voir|Who can).*")';
const ROW_IOS = 'label MATCHES ".*(can view|can watch|peut voir|peuvent voir|Who can).*"';

/** What the row must say for the post to be private. */
const PRIVATE = [
  /^(only you|only me) can (view|watch) this (post|video)\b/i,
  /^seulement toi peux voir cette publication\b/i,
  /^(private|privé)$/i,
];

/** Is this element a publish control? (Reads its text and its content-desc.) */
export async function isPublishControl(
  session: WebdriverIO.Browser,
  elementId: string,
  platform: 'android' | 'ios',
): Promise<boolean> {
  const text = (await session.getElementText(elementId).catch(() => '')) ?? '';
  const desc =
    (await session
      .getElementAttribute(elementId, platform === 'ios' ? 'label' : 'content-desc')
      .catch(() => '')) ?? '';
  return PUBLISH.test(text.trim()) || PUBLISH.test(desc.trim());
}

/** Read the privacy row(s) on screen; undefined when there is none. */
export async function readPrivacyRow(
  session: WebdriverIO.Browser,
  platform: 'android' | 'ios',
): Promise<string[] | undefined> {
  const refs = (await session.findElements(
    platform === 'ios' ? '-ios predicate string' : '-android uiautomator',
    platform === 'ios' ? ROW_IOS : ROW_ANDROID,
  )) as unknown as Record<string, string>[];
  if (refs.length === 0) return undefined;
  const out: string[] = [];
  for (const r of refs) {
    const id = Object.values(r)[0]!;
    out.push((await session.getElementAttribute(id, platform === 'ios' ? 'label' : 'content-desc')) ?? '');
  }
  return out;
}

/** True when every privacy row on screen says private (and there is at least one). */
export function rowsProvePrivate(rows: string[] | undefined): boolean {
  return !!rows && rows.length > 0 && rows.every((r) => PRIVATE.some((p) => p.test(r.trim())));
}

/**
 * Refuse a tap on a publish control unless the screen proves the post is private.
 * Throws E_PRIVACY_UNPROVEN (the draft is skipped and reported, never posted).
 */
export async function checkBeforeTap(
  session: WebdriverIO.Browser,
  elementId: string,
  platform: 'android' | 'ios',
): Promise<void> {
  if (!(await isPublishControl(session, elementId, platform))) return;
  const rows = await readPrivacyRow(session, platform);
  if (!rowsProvePrivate(rows)) {
    throw new DraftvaultError(
      'E_PRIVACY_UNPROVEN',
      rows
        ? `refused to publish: the privacy row reads "${rows.join('" / "')}"`
        : 'refused to publish: no privacy row on screen to prove the post is private',
      {
        hint: 'draftvault only posts when "Who can view" reads Only you / Only me; the draft was not posted',
      },
    );
  }
}
