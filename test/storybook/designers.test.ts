/**
 * Storybook for designers: a docs page per exported screen and part family, with props tables
 * generated from the TypeScript types and their TSDoc; the accessibility panel registered; and
 * controls on the main screens that change what the canvas shows.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  closeStorybook,
  openStorybook,
  storybookEntries,
  storyUrl,
  waitForStory,
  type IndexEntry,
  type StorybookSession,
} from './support.js';

let session: StorybookSession;
beforeAll(async () => {
  session = await openStorybook();
});
afterAll(() => closeStorybook(session));

/** The rows of every props table on a docs page: name → description. */
async function propsTables(page: Page, id: string): Promise<Record<string, string>> {
  await page.goto(new URL(`iframe.html?viewMode=docs&id=${id}`, session.server.url).href);
  await page.waitForSelector('#storybook-docs table.docblock-argstable tbody tr td');
  return page.evaluate(() => {
    const rows: Record<string, string> = {};
    for (const row of document.querySelectorAll('#storybook-docs table.docblock-argstable tbody tr')) {
      const [name, description] = row.querySelectorAll('td');
      if (name && description) rows[name.textContent!.replace(/\*$/, '').trim()] = description.textContent!;
    }
    return rows;
  });
}

describe('given the built Storybook', () => {
  it('should have a docs page for each screen and for the consent and sign-in parts', () => {
    const docs = storybookEntries()
      .filter((e) => e.type === 'docs')
      .map((e) => e.id);
    expect(docs).toEqual(
      expect.arrayContaining([
        'screens-consent--docs',
        'screens-sign-in--docs',
        'components-interactionscreen--docs',
        'components-consent-parts--docs',
        'components-sign-in-parts--docs',
        'components-consentkitprovider--docs',
      ]),
    );
  });

  it('should register the accessibility panel (addon-a11y) in the manager', () => {
    const addons = readdirSync(join(inject('storybookDir'), 'sb-addons'));
    expect(
      addons.some((dir) => dir.includes('a11y') && existsSync(join(inject('storybookDir'), 'sb-addons', dir))),
    ).toBe(true);
  });

  it("should list ConsentScreen's props with their TSDoc, including the inherited className", async () => {
    const page = await session.context.newPage();
    const rows = await propsTables(page, 'screens-consent--docs');
    await page.close();
    expect(rows.className).toContain('Extra class names on the element');
    expect(rows.onDecision).toContain('Called when the provider accepted a decision');
    expect(rows.onError).toContain('Called with every failure the screen shows');
    expect(rows.client).toContain("Talks to the provider's interaction endpoints");
  });

  it("should list SignInScreen's and InteractionScreen's props with their TSDoc", async () => {
    const page = await session.context.newPage();
    const signIn = await propsTables(page, 'screens-sign-in--docs');
    const embed = await propsTables(page, 'components-interactionscreen--docs');
    await page.close();
    expect(signIn.className).toContain('Extra class names on the element');
    expect(signIn.initialView).toBeTruthy();
    expect(embed.initialStep).toContain('The step the server embedded in the page');
  });

  it('should show a props table per consent part, as tabs beside the root', async () => {
    const page = await session.context.newPage();
    const rows = await propsTables(page, 'components-consent-parts--docs');
    const tabs = await page.$$eval('#storybook-docs [role="tab"], #storybook-docs .tabbutton', (els) =>
      els.map((el) => el.textContent?.trim()),
    );
    await page.close();
    expect(rows.onAuthorize).toContain('Sends the decision');
    expect(tabs).toEqual(expect.arrayContaining(['ConsentRoot', 'AppHeader', 'ResourceGroups', 'Actions']));
  });
});

describe('given the Consent screen story in the manager', () => {
  it('should offer the fixture, locale and brand controls, and show the fixture chosen', async () => {
    const page = await session.context.newPage();
    await page.goto(new URL('?path=/story/screens-consent--full', session.server.url).href);
    const step = page.locator('select#control-step');
    await step.waitFor();
    expect(await step.locator('option').allTextContents()).toEqual(expect.arrayContaining(['full', 'noMembership']));
    expect(await page.locator('#control-locale').count()).toBe(1);
    expect(await page.locator('#control-brand').count()).toBe(1);
    // Internal props stay out of the designer's panel.
    expect(await page.locator('#control-onDecision, #control-client').count()).toBe(0);

    const canvas = page.frameLocator('#storybook-preview-iframe');
    await canvas.locator('.ck-consent__authorize').waitFor();
    expect(await canvas.locator('.ck-consent__authorize').isDisabled()).toBe(false);
    await step.selectOption('noMembership');
    // No membership: Authorize is impossible.
    await expect.poll(() => canvas.locator('.ck-consent__authorize').isDisabled(), { timeout: 120_000 }).toBe(true);
    await page.close();
  });
});

describe('given the accessibility panel', () => {
  /** What the panel's "Run" button does: addon-a11y's own axe run, with the story's parameters. */
  async function panelCheck(page: Page, id: string) {
    const entry = { id, type: 'story' } as IndexEntry;
    await page.goto(storyUrl(session.server.url, entry));
    await waitForStory(page, entry);
    return page.evaluate(async (storyId) => {
      type Channel = { on(e: string, f: (...x: never[]) => void): void; emit(e: string, ...x: unknown[]): void };
      const w = window as unknown as {
        __STORYBOOK_ADDONS_CHANNEL__: Channel;
        __STORYBOOK_PREVIEW__: {
          storyStoreValue: { loadStory(o: { storyId: string }): Promise<{ parameters: { a11y?: unknown } }> };
        };
      };
      const story = await w.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId });
      const channel = w.__STORYBOOK_ADDONS_CHANNEL__;
      return new Promise<{ violations: string[]; passes: number; rules: string[] } | { error: string }>((resolve) => {
        channel.on(
          'storybook/a11y/result',
          (
            result: {
              violations: { id: string }[];
              passes: unknown[];
              toolOptions: { runOnly?: { values?: string[] } };
            },
            id: string,
          ) => {
            if (id === storyId)
              resolve({
                violations: result.violations.map((v) => v.id),
                passes: result.passes.length,
                rules: result.toolOptions.runOnly?.values ?? [],
              });
          },
        );
        channel.on('storybook/a11y/error', (error: unknown) => resolve({ error: String(error) }));
        channel.emit('storybook/a11y/manual', storyId, story.parameters.a11y);
      });
    }, id);
  }

  it.each(['screens-consent--full', 'screens-sign-in--default'])(
    "should report no violation of the suite's WCAG rules for %s",
    async (id) => {
      const page = await session.context.newPage();
      const result = await panelCheck(page, id);
      await page.close();
      expect(result).toEqual({
        violations: [],
        passes: expect.any(Number),
        rules: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
      });
      expect((result as { passes: number }).passes).toBeGreaterThan(0);
    },
  );
});
