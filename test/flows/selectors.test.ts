import { describe, expect, it } from 'vitest';
import { alternativesFor, describeAlternative, type SelectorDef } from '../../src/core/selectors.js';
import { toLocator } from '../../src/drivers/locators.js';

const def: SelectorDef = {
  description: 'the Post button',
  android: [{ text: 'Post', index: -1 }],
  ios: [{ text: 'Post' }],
  any: [{ desc: 'Post' }],
  overrides: [
    { appVersion: '>=47.0.0', locale: 'fr', any: [{ text: 'Publier' }] },
    { appVersion: '<44.0.0', android: [{ id: 'qrb' }] },
  ],
};

describe('selector alternatives', () => {
  it('orders overrides that match the device first, then the platform, then any', () => {
    const words = (facts: Parameters<typeof alternativesFor>[1]) =>
      alternativesFor(def, facts).map(describeAlternative);
    expect(words({ platform: 'android', appVersion: '47.0.3', locale: 'fr_FR' })).toEqual([
      'text="Publier"',
      'text="Post" #-1',
      'desc="Post"',
    ]);
    expect(words({ platform: 'android', appVersion: '47.0.3', locale: 'en_US' })).toEqual([
      'text="Post" #-1',
      'desc="Post"',
    ]);
    expect(words({ platform: 'android', appVersion: '43.1.4', locale: 'en_US' })).toEqual([
      'id="qrb"',
      'text="Post" #-1',
      'desc="Post"',
    ]);
    expect(words({ platform: 'ios', appVersion: '43.1.4' })).toEqual(['text="Post"', 'desc="Post"']);
    // Unknown version: version-keyed overrides do not apply.
    expect(words({ platform: 'android' })).toEqual(['text="Post" #-1', 'desc="Post"']);
  });

  it('turns alternatives into one locator per platform', () => {
    expect(toLocator({ text: 'Post', className: 'android.widget.Button' }, 'android')).toEqual({
      using: '-android uiautomator',
      value: 'new UiSelector().text("Post").className("android.widget.Button")',
    });
    expect(toLocator({ id: 'qrb' }, 'android')?.value).toBe(
      'new UiSelector().resourceIdMatches(".*:id/qrb")',
    );
    expect(toLocator({ descMatches: 'Only (you|me).*' }, 'ios')).toEqual({
      using: '-ios predicate string',
      value: 'label MATCHES "Only (you|me).*"',
    });
    expect(toLocator({ uiautomator: 'new UiSelector()' }, 'ios')).toBeUndefined();
    expect(toLocator({ classChain: '**/XCUIElementTypeCell[1]' }, 'android')).toBeUndefined();
  });
});
