/**
 * Walking the simulated TikTok app in tests, through WebdriverIO: the texts to tap per locale,
 * selector helpers, and the common walks (launch and dismiss the first pop-ups, to the post
 * screen). Used by this package's tests and, through test/helpers/sim.ts, by draftvault's.
 */
import type { PhoneState } from '../../api.js';

type Session = WebdriverIO.Browser;

/** Texts the tests tap, per locale (the product keeps these in flows/selectors YAML). */
export const UI = {
  en: {
    notNow: 'Not now',
    dontAllow: 'Don’t allow',
    profile: 'Profile',
    draftsPrefix: 'Drafts:',
    next: 'Next',
    everyone: 'Everyone can view this post',
    onlyYou: 'Only you',
    onlyYouRow: 'Only you can view this post',
    whoCanView: 'Who can view this post',
    moreOptions: 'More options',
    saveToDevice: 'Save to device',
    post: 'Post',
  },
  fr: {
    notNow: 'Pas maintenant',
    dontAllow: 'Ne pas autoriser',
    profile: 'Profil',
    draftsPrefix: 'Brouillons',
    next: 'Suivant',
    everyone: 'Tout le monde peut voir cette publication',
    onlyYou: 'Seulement toi',
    onlyYouRow: 'Seulement toi peux voir cette publication',
    whoCanView: 'Qui peut voir cette publication',
    moreOptions: 'Plus d’options',
    saveToDevice: 'Enregistrer sur l’appareil',
    post: 'Publier',
  },
};

/** The phone's state, as the simulator reports it (`mobile: simState`). */
export async function simState(s: Session): Promise<PhoneState> {
  return (await s.execute('mobile: simState')) as PhoneState;
}

/** Selector helpers (UiAutomator strings). */
export const by = {
  text: (t: string) => `android=new UiSelector().text(${JSON.stringify(t)})`,
  textStarts: (t: string) => `android=new UiSelector().textStartsWith(${JSON.stringify(t)})`,
  desc: (d: string) => `~${d}`,
  descStarts: (d: string) => `android=new UiSelector().descriptionStartsWith(${JSON.stringify(d)})`,
};

/** Tap the element once it is there (up to `timeoutMs`); fails with the selector and the screen. */
export async function tap(s: Session, selector: string, timeoutMs = 10_000): Promise<void> {
  const el = await s.$(selector);
  const ok = await el.waitForExist({ timeout: timeoutMs, interval: 50 }).catch(() => false);
  if (!ok) throw new Error(`not on screen: ${selector}\n${await s.getPageSource()}`);
  await el.click();
}

/** Launch TikTok and dismiss the first-launch pop-ups. */
export async function launchAndDismiss(s: Session, pkg: string, locale: keyof typeof UI): Promise<void> {
  await s.activateApp(pkg);
  await tap(s, by.text(UI[locale].notNow));
  await tap(s, by.text(UI[locale].dontAllow));
}

/** Close the privacy sheet if the build keeps it up after a pick (47.0.3, tiktok-ui.md C.6). */
export async function closePrivacySheet(s: Session, locale: keyof typeof UI): Promise<void> {
  if (await (await s.$(by.text(UI[locale].whoCanView))).isExisting()) await s.back();
}

/** From the feed to the post screen of the first draft. */
export async function toPostScreen(s: Session, locale: keyof typeof UI): Promise<void> {
  const t = UI[locale];
  await tap(s, by.desc(t.profile));
  await tap(s, by.textStarts(t.draftsPrefix));
  const first = (await simState(s)).drafts[0]!;
  await tap(s, by.text(first.caption));
  await tap(s, by.text(t.next));
}

/** Swipe the own-video menu's row of actions to its end (Delete is past its first screen, C.9). */
export async function swipeRow(s: Session): Promise<void> {
  const row = await (await s.$('android=new UiSelector().scrollable(true)')).getLocation();
  await s
    .action('pointer', { parameters: { pointerType: 'touch' } })
    .move({ x: 900, y: row.y + 100 })
    .down()
    .move({ x: 200, y: row.y + 100, duration: 200 })
    .up()
    .perform();
}

/** Wait for an element on the simulated iPhone, then tap it. */
export async function tapIos(s: Session, selector: string): Promise<void> {
  const el = await s.$(selector);
  await el.waitForExist({ timeout: 5000, interval: 50 });
  await el.click();
}
