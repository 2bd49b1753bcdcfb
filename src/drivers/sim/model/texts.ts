/**
 * What the simulated TikTok app says, per UI language. English strings are those seen on 43.1.4 /
 * trill 44.4.3 (tiktok-ui.md); French ones come from the 43.1.4 and 47.0.3 French dumps where they
 * show them, and are marked INFERRED where no source does.
 */
import type { SimLocale } from '../caps.js';
import type { SimVariants } from '../variants.js';

/** Privacy levels of a post. */
export type Privacy = 'everyone' | 'friends' | 'only_you';

const en = {
  home: 'Home',
  friends: 'Friends',
  create: 'Create',
  inbox: 'Inbox',
  profile: 'Profile',
  notifTitle: 'Turn on notifications?',
  notNow: 'Not now',
  turnOn: 'Turn on',
  contactsText: 'To connect with people you know on TikTok, allow access to your contacts.',
  dontAllow: 'Don’t allow',
  openSettings: 'Open settings',
  dialog: 'Dialog',
  bottomSheet: 'Bottom sheet',
  close: 'Close',
  intro: 'intro',
  collectionsTitle: 'Create shared collections with a friend',
  collectionsBody: 'You can create one at any time by tapping “Collections” after saving a post.',
  collectionsInvite: 'Invite a friend to add and manage posts together.',
  collectionsFind: 'Find them in the Collections section of your profile.',
  person: 'Person',
  tryIt: 'Try it',
  followTitle: 'Follow your friends',
  unknownTitle: 'Enjoying TikTok?',
  unknownLater: 'Maybe later',
  gdprText:
    'We’ve updated our Privacy Policy. It explains how we handle transfers of EEA User Data to China and other countries.',
  gotIt: 'Got it',
  // "Continue editing this post" matched on an English Samsung (enkaku); "Save draft" unverified there.
  resumeTitle: 'Continue editing this post?',
  resumeSave: 'Save draft',
  resumeEdit: 'Edit',
  linkEmail: 'Link email',
  linkEmailBody: 'Find friends and keep your account secure by linking your Android email.',
  securityTitle: 'Complete your security checkup',
  securityBody: 'Review your account’s security settings in a few steps.',
  forYou: 'For You',
  following: 'Following',
  search: 'Search',
  video: 'Video',
  profileMenu: 'Profile menu',
  profilePhoto: 'Profile photo',
  profileViews: 'Profile views',
  share: 'Share',
  followingLabel: 'Following',
  followersLabel: 'Followers',
  likesLabel: 'Likes',
  studio: 'TikTok Studio',
  tabIcons: ['Posts', 'Private', 'Add to Favorites', 'Likes'],
  videos: 'Videos',
  privateVideos: 'Private videos',
  favorites: 'Favorites',
  liked: 'Liked videos',
  posts: 'Posts',
  noVideos: 'No videos yet',
  draftsBanner: (n: number) => `Drafts: ${n}`,
  draftsTitle: 'Drafts',
  select: 'Select',
  cancel: 'Cancel',
  delete: 'Delete',
  deleteN: (n: number) => `Delete (${n})`,
  deleteDraftsQ: (n: number): string => (n === 1 ? 'Delete draft?' : 'Delete drafts?'),
  draftsInfo: 'Drafts are only visible to you. Uninstalling TikTok will delete all Drafts.',
  next: 'Next',
  yourStory: 'Your Story',
  edit: 'Edit',
  settings: 'Settings',
  // 43.1.4 dump: "<w> description..."; GrapheneOS flow logs of 43.1.4 show another A/B variant:
  // "Writing a long description can help get 3x more views on average."
  captionHint: 'Add description...',
  // Some 43.1.4 builds: an EditText above the caption, hint "Add a catchy title" (C.5, geelark 152910).
  titleHint: 'Add a catchy title',
  cover: 'Cover',
  preview: 'Preview',
  editCover: 'Edit cover',
  hashtags: 'Hashtags',
  mention: 'Mention',
  location: 'Location',
  moreInfo: 'More info',
  addLink: 'Add link',
  privacyRow: {
    everyone: 'Everyone can view this post',
    friends: 'Friends can view this post',
    only_you: 'Only you can view this post',
  } as Record<Privacy, string>,
  privacyIcon: { everyone: 'Public', friends: 'Friends', only_you: 'Private' } as Record<Privacy, string>,
  privacySettings: 'Privacy settings',
  // The 43.1.4 dump anonymised two words: "Manage reposts, Stitch" is INFERRED.
  privacySettingsDesc: 'Privacy settings, Manage reposts, Stitch, comments, stickers, and Story.',
  privacySettingsSub: 'Manage reposts, Stitch, comments, stickers, and Story.',
  moreOptions: 'More options',
  // 43.1.4 dump: "<w> <w> and upload <w>" (flow logs of another 43.1.4 install: "Manage upload quality").
  moreOptionsSub: 'Manage privacy and upload quality',
  shareTo: 'Share to',
  draftsButton: 'Drafts',
  // The 48.2.0 wording of the same button (INVENTED, model/profile-48.ts).
  saveDraft: 'Save draft',
  post: 'Post',
  whoCanView: 'Who can view this post',
  everyone: 'Everyone',
  onlyYou: 'Only you',
  saveToDevice: 'Save to device',
  highQuality: 'Allow high-quality uploads',
  reuse: 'Allow reuse of content',
  uploadFailed: 'Couldn’t upload video. The video was saved to your drafts.',
  storageFull: 'Couldn’t save video. Not enough storage space on your device.',
  savedToDrafts: 'Saved to drafts',
  likeVideo: 'Like video. 0 likes',
  shareVideo: 'Share video. 0 shares',
  moreMenu: 'More',
  saveVideo: 'Save video',
  download: 'Download',
  pin: 'Pin',
  duet: 'Duet',
  addToStory: 'Add to Story',
  saving: 'Saving...',
  videoSaved: 'Video saved',
  deleteQ: 'Delete?',
  recents: 'Recents',
  all: 'All',
  photos: 'Photos',
  selectMultiple: 'Select multiple',
  add: 'Add',
  upload: 'Upload',
  back: 'Back',
  homeScreen: 'Home screen',
  // The 48.2.0 post-screen tip (INVENTED; "Got it" as on the real EEA notice, tiktok-ui.md C.1).
  tipTitle: 'Reach the right viewers',
  tipBody: 'Topics you add to your caption now help TikTok show your post to people who like them.',
  percent: (n: number) => `${n}%`,
};

/** The text table type (every locale has every key). */
export type Texts = typeof en;

const fr: Texts = {
  ...en,
  home: 'Accueil',
  friends: 'Ami(e)s',
  create: 'Créer',
  inbox: 'Messages',
  profile: 'Profil',
  notifTitle: 'Activer les notifications ?',
  notNow: 'Pas maintenant',
  turnOn: 'Activer',
  contactsText:
    'Pour te connecter avec des personnes que tu connais sur TikTok, autorise l’accès à tes contacts.',
  dontAllow: 'Ne pas autoriser',
  openSettings: 'Ouvrir les paramètres',
  dialog: 'Boîte de dialogue',
  bottomSheet: 'Feuille du bas',
  close: 'Fermer',
  collectionsTitle: 'Crée des collections partagées avec un(e) ami(e)',
  collectionsBody:
    'Tu peux en créer à tout moment en appuyant sur « Collections » après avoir enregistré une publication.',
  collectionsInvite: 'Invite un(e) ami(e) à ajouter et gérer des publications ensemble.',
  collectionsFind: 'Retrouve-les dans la rubrique Collections de ton profil.',
  person: 'Personne',
  tryIt: 'Essayer',
  followTitle: 'Suis tes ami(e)s',
  unknownTitle: 'Tu aimes TikTok ?',
  unknownLater: 'Plus tard',
  gdprText:
    'Nous avons mis à jour notre Politique de confidentialité. Elle explique les transferts de données d’utilisateurs de l’EEE vers la Chine et d’autres pays.',
  gotIt: "J'ai compris",
  resumeTitle: 'Continuer à modifier cette publication ?', // INFERRED
  resumeSave: 'Enregistrer le brouillon', // INFERRED
  resumeEdit: 'Modifier',
  linkEmail: 'Associer une adresse e-mail',
  linkEmailBody: 'Trouve des ami(e)s et protège ton compte en associant ton adresse e-mail Android.',
  securityTitle: 'Termine ton contrôle de sécurité',
  securityBody: 'Vérifie les paramètres de sécurité de ton compte en quelques étapes.',
  forYou: 'Pour toi',
  following: 'Abonnements',
  search: 'Rechercher',
  video: 'Vidéo',
  profileMenu: 'Menu du profil',
  profilePhoto: 'Photo de profil',
  profileViews: 'Vues du profil',
  share: 'Partager',
  followingLabel: 'Suivis',
  followersLabel: 'Followers',
  likesLabel: "J'aime",
  tabIcons: ['Publications', 'Privé', 'Ajouter aux Favoris', "J'aime"],
  videos: 'Vidéos',
  privateVideos: 'Vidéos privées',
  favorites: 'Favoris',
  liked: 'Vidéos aimées',
  posts: 'Publications',
  noVideos: 'Aucune vidéo pour l’instant',
  draftsBanner: (n: number) => `Brouillons : ${n}`,
  draftsTitle: 'Brouillons',
  select: 'Sélectionner',
  cancel: 'Annuler',
  delete: 'Supprimer',
  deleteN: (n: number) => `Supprimer (${n})`,
  deleteDraftsQ: (n: number) => (n === 1 ? 'Supprimer le brouillon ?' : 'Supprimer les brouillons ?'),
  draftsInfo:
    'Les brouillons ne sont visibles que par toi. Désinstaller TikTok supprimera tous les brouillons.',
  next: 'Suivant',
  yourStory: 'Ta story',
  edit: 'Modifier',
  settings: 'Paramètres',
  captionHint: 'Ajouter une description…',
  titleHint: 'Ajoute un titre accrocheur', // INFERRED: no French capture of the title field
  cover: 'Couverture',
  preview: 'Aperçu',
  editCover: 'Modifier la couverture',
  mention: 'Mentionner',
  location: 'Lieu',
  moreInfo: 'Plus d’infos',
  addLink: 'Ajouter un lien',
  privacyRow: {
    everyone: 'Tout le monde peut voir cette publication',
    friends: 'Tes ami(e)s peuvent voir cette publication',
    only_you: 'Seulement toi peux voir cette publication',
  },
  privacyIcon: { everyone: 'Public', friends: 'Ami(e)s', only_you: 'Privé' },
  privacySettings: 'Paramètres de confidentialité',
  // The 47.0.3 dump anonymised "<w> les <w>, les <w>": "Gère les partages, les duos" is INFERRED.
  privacySettingsDesc:
    'Paramètres de confidentialité, Gère les partages, les duos, les commentaires, les stickers et ta Story.',
  privacySettingsSub: 'Gère les partages, les duos, les commentaires, les stickers et ta Story.',
  moreOptions: 'Plus d’options',
  moreOptionsSub: 'Gérer la qualité de publication',
  shareTo: 'Partager avec',
  draftsButton: 'Brouillons',
  saveDraft: 'Enregistrer le brouillon',
  post: 'Publier',
  whoCanView: 'Qui peut voir cette publication',
  everyone: 'Tout le monde',
  onlyYou: 'Seulement toi',
  saveToDevice: 'Enregistrer sur l’appareil',
  highQuality: 'Autoriser les publications en haute qualité',
  reuse: 'Autoriser la réutilisation du contenu',
  uploadFailed: 'Impossible de publier la vidéo. La vidéo a été enregistrée dans tes brouillons.',
  storageFull: 'Impossible d’enregistrer la vidéo. Espace de stockage insuffisant.',
  savedToDrafts: 'Enregistré dans les brouillons',
  likeVideo: 'Aimer la vidéo. 0 J’aime',
  shareVideo: 'Partager la vidéo. 0 partages',
  moreMenu: 'Plus',
  saveVideo: 'Enregistrer la vidéo', // INFERRED (14.7.4 had no French table here)
  // "Télécharger" on the 46.6.3 fr share sheet (taktik share.py, tiktok-ui.md §4.3).
  download: 'Télécharger',
  pin: 'Épingler',
  duet: 'Duo',
  addToStory: 'Ajouter à la story',
  saving: 'Enregistrement...',
  videoSaved: 'Vidéo enregistrée',
  deleteQ: 'Supprimer ?',
  recents: 'Récents',
  all: 'Tout',
  selectMultiple: 'Sélection multiple',
  add: 'Ajouter',
  upload: 'Importer',
  back: 'Retour',
  homeScreen: 'Écran d’accueil',
  tipTitle: 'Touche les bonnes personnes',
  tipBody:
    'Les sujets ajoutés à ta description aident désormais TikTok à montrer ta publication aux personnes qui les aiment.',
  // TikTok's own tile reads "94%" in the 43.1.4 fr dump; French typography puts a no-break space before it.
  percent: (n: number) => `${n} %`,
};

const TABLES: Record<SimLocale, Texts> = { en, fr };

type Typography = Pick<SimVariants, 'apostrophe' | 'frenchSpace'>;
const SPACE = { nbsp: '\u00A0', narrow: '\u202F', plain: ' ' } as const;

/**
 * French typography by variant (tiktok-ui.md C.14; the dumps' copies may have lost no-break
 * spaces): the space before ":", "?", "!" and "%", and the apostrophe (the 43.1.4 fr dump has a
 * straight "J'aime", other strings are curly). `plain` writes TikTok's "94%" with no space at all.
 */
function french(s: string, v: Typography): string {
  const sp = SPACE[v.frenchSpace];
  const out = s
    .replace(/ ([:?!])/g, `${sp}$1`)
    .replace(/(\d) %/g, v.frenchSpace === 'plain' ? '$1%' : `$1${sp}%`);
  return v.apostrophe === 'straight' ? out.replace(/’/g, "'") : out.replace(/(\p{L})'(\p{L})/gu, '$1’$2');
}

function typeset<T>(value: T, fix: (s: string) => string): T {
  if (typeof value === 'string') return fix(value) as T;
  if (typeof value === 'function')
    return ((...a: unknown[]) => typeset((value as (...x: unknown[]) => unknown)(...a), fix)) as T;
  if (Array.isArray(value)) return value.map((x) => typeset(x, fix)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, typeset(x, fix)])) as T;
  return value;
}

const typeset_ = new Map<string, Texts>();

/** The texts for a UI language, typeset by the phone's variants (French only). */
export function textsFor(locale: SimLocale, v?: Typography): Texts {
  if (locale !== 'fr' || !v) return TABLES[locale];
  const key = `${v.apostrophe}/${v.frenchSpace}`;
  let t = typeset_.get(key);
  if (!t) {
    t = typeset(TABLES.fr, (s) => french(s, v));
    typeset_.set(key, t);
  }
  return t;
}

/** The texts a phone shows (its locale and typography). */
export function phoneTexts(state: { locale: SimLocale; variants?: Typography }): Texts {
  return textsFor(state.locale, state.variants);
}

/** The Switch text of "Save to device": ON/OFF wrapped in bidi marks, as seen on a real build. */
export function switchText(on: boolean): string {
  return `\u200e\u200f\u200e\u200e\u200f${on ? 'ON' : 'OFF'}\u200e\u200f`;
}
