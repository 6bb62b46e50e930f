// Launches Debian's Chromium through playwright-core for the end-to-end tests.
//
// playwright's own browser download cannot work on machines that only reach package registries, so
// the tests drive /usr/bin/chromium (override with $CHROMIUM). Flags: headless, no sandbox (CI runs as
// root), and no background networking, which this closed network would refuse many times a second.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts Chromium with a fresh profile; `preferences` are written as its Default/Preferences (browser
 * settings, e.g. `{profile: {default_content_setting_values: {cookies: 2}}}` blocks all site storage).
 * Resolves to `{ context, close }`.
 */
export async function launch({ viewport = { width: 1280, height: 900 }, colorScheme = 'light', preferences = null } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahel-tagger-chromium-'));
  if (preferences) {
    fs.mkdirSync(path.join(userDataDir, 'Default'));
    fs.writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    colorScheme,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Where tests write screenshots (looked at by a person after a run). */
export const SCREENSHOT_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'screenshots');
fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
