/** What check-ui tests share: the walk's screens in order, and what the walk must leave as it was. */
import type { SimSummary } from './backup.js';

/** The screens the shipped check-ui.yaml checks, in walk order. */
export const WALK = [
  'feed',
  'profile',
  'drafts',
  'editor',
  'post',
  'privacy',
  'more-options',
  'player',
  'share',
  'camera',
  'picker',
] as const;

/** What must not change: drafts (with their settings), posts (with their privacy), gallery files. */
export const content = (s: SimSummary) => ({ drafts: s.drafts, posts: s.posts, gallery: s.gallery });
