/**
 * UiSelector strings as the UiAutomator2 server reads them (notes/uiautomator2.md): what
 * draftvault sends for each alternative, and how a saved hierarchy answers it.
 */
import { describe, expect, it } from 'vitest';
import { parseHierarchy } from '../../src/drivers/android/hierarchy.js';
import { FLAVOURS, findAllUiSelector, javaRegex } from '../../src/drivers/android/uiselector.js';
import { toLocator } from '../../src/drivers/locators.js';

const XML = `<?xml version="1.0"?><hierarchy>
<node class="android.widget.FrameLayout" package="com.x" bounds="[0,0][1080,2400]" text="" content-desc="">
  <node class="android.widget.TextView" package="com.x" bounds="[0,0][10,10]" text="Brouillons\u00a0: 3" content-desc="" index="0"/>
  <node class="android.widget.Button" package="com.x" bounds="[0,0][10,10]" text="Post" content-desc="" index="1"/>
  <node class="android.widget.Button" package="com.x" bounds="[0,0][10,10]" text="" content-desc="Post" index="2"/>
  <node class="android.widget.TextView" package="com.x" bounds="[0,0][10,10]" text="line one&#10;line two" content-desc="" index="3"/>
</node>
<node class="android.widget.FrameLayout" package="com.x" bounds="[0,0][100,100]" text="">
  <node class="android.widget.TextView" package="com.x" bounds="[0,0][10,10]" text="66%" content-desc=""/>
</node>
</hierarchy>`;
const t = parseHierarchy(XML, 'test.xml');
const pool = t.nodes.filter((n) => n.window === t.active);
const texts = (sel: string, f = FLAVOURS.strict) =>
  findAllUiSelector(sel, pool, f).map((n) => n.attrs.text || `desc:${n.attrs['content-desc']}`);

describe('UiSelector strings', () => {
  it('are sent with single backslashes: the server undoes only \\"', () => {
    expect(toLocator({ textMatches: 'Brouillons\\s*:.*' }, 'android')!.value).toBe(
      'new UiSelector().textMatches("Brouillons\\s*:.*")',
    );
    expect(toLocator({ text: 'say "hi"' }, 'android')!.value).toBe('new UiSelector().text("say \\"hi\\"")');
  });

  it('search the active window only (a floating badge is another window)', () => {
    expect(t.active).toBe(0);
    expect(texts('new UiSelector().textMatches("\\d+%")')).toEqual([]);
  });

  it('";" concatenates the statements’ matches, de-duplicated, in statement order', () => {
    expect(
      texts(
        'new UiSelector().description("Post");new UiSelector().text("Post");new UiSelector().className("android.widget.Button")',
      ),
    ).toEqual(['desc:Post', 'Post']);
  });

  it('contains/startsWith ignore case; *Matches must match the whole value', () => {
    expect(texts('new UiSelector().textStartsWith("brouillons")')).toEqual(['Brouillons\u00a0: 3']);
    expect(texts('new UiSelector().textMatches("Post")')).toEqual(['Post']);
    expect(texts('new UiSelector().textMatches("Pos")')).toEqual([]);
  });

  it('regex flavours disagree where the sources do: no-break spaces and line breaks', () => {
    const sel = 'new UiSelector().textMatches("Brouillons\\s*:.*")';
    expect(texts(sel, FLAVOURS.device)).toEqual(['Brouillons\u00a0: 3']);
    expect(texts(sel, FLAVOURS.strict)).toEqual([]);
    expect(
      texts('new UiSelector().textMatches("Brouillons[\\s\\u00A0\\u202F]*:.*")', FLAVOURS.strict),
    ).toHaveLength(1);
    expect(texts('new UiSelector().textMatches("line.*two")', FLAVOURS.device)).toHaveLength(1);
    expect(texts('new UiSelector().textMatches("line.*two")', FLAVOURS.strict)).toHaveLength(0);
    expect(javaRegex('(?i)post', FLAVOURS.strict, true).test('POST')).toBe(true);
  });
});
