// Drives the VS Code workbench in a page the way a person does: keyboard
// shortcuts, Quick Open, the Command Palette, hovering with the mouse. Every
// wait is a Playwright wait on rendered UI, bounded by `timeout`.

/** @param {import('playwright-core').Page} page */
export function workbench(page, { timeout = 20_000 } = {}) {
  const quickInput = page.locator('.quick-input-widget');
  const quickInputBox = quickInput.locator('input.input');

  async function pickFromQuickInput(text, rowMatch) {
    await quickInput.waitFor({ state: 'visible', timeout });
    await quickInputBox.fill(text);
    const row = quickInput.locator('.quick-input-list .monaco-list-row', { hasText: rowMatch }).first();
    await row.waitFor({ timeout });
    await row.click();
    await quickInput.waitFor({ state: 'hidden', timeout });
  }

  const webviewBody = () => page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame').locator('body');

  return {
    async ready() {
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    },

    /** Quick Open (Ctrl+P) a workspace-relative path; resolves when its editor shows. */
    async openFile(relPath) {
      const name = relPath.split('/').pop();
      const tab = page.locator('.tabs-container .tab.active', { hasText: name });
      if (await tab.count()) return;
      await page.keyboard.press('Control+P');
      await pickFromQuickInput(relPath, name);
      await tab.waitFor({ timeout });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout });
    },

    /**
     * Runs a command by its palette label ("Category: Title"), as typed after F1.
     * Right after startup the palette can open before every extension's
     * commands are registered; like a person, close it and type again.
     */
    async runCommand(label) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        if (await this.runCommandIfPresent(label, attempt === 3 ? timeout : 5000)) return;
      }
      throw new Error(`the Command Palette does not list "${label}"`);
    },

    /** Opens the Problems panel; with `filter`, types it into the panel's filter box. */
    /** Like runCommand, but a label VS Code does not list is not an error (cosmetic steps). */
    async runCommandIfPresent(label, wait = 5000) {
      await page.keyboard.press('F1');
      await quickInput.waitFor({ state: 'visible', timeout });
      await quickInputBox.fill(`>${label}`);
      const row = quickInput.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
      const found = await row.waitFor({ timeout: wait }).then(() => true, () => false);
      if (found) await row.click();
      else await page.keyboard.press('Escape');
      await quickInput.waitFor({ state: 'hidden', timeout });
      return found;
    },

    async showProblems(filter) {
      if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ timeout });
      if (filter !== undefined) {
        // The list is virtualised: in a busy workspace a row can exist only past the fold.
        const box = page.locator('.part.panel .viewpane-filter input, .part.panel .markers-panel-action-filter input').first();
        // Typed key by key, as a person does: a value set at once was once not applied
        // (the filter widget was not listening yet on a cold, loaded machine).
        await box.fill('', { timeout });
        if (filter) await box.pressSequentially(filter, { delay: 5, timeout });
      }
    },

    /** Closes the bottom panel (Ctrl+J) so a screenshot has room for the editor. */
    async hidePanel() {
      const panel = page.locator('.part.panel.bottom');
      if (await panel.isVisible()) {
        await page.keyboard.press('Control+J');
        await panel.waitFor({ state: 'hidden', timeout });
      }
    },

    /** Clicks an activity-bar entry by its title unless it is already the open one. */
    async openActivity(title) {
      const item = page.locator('.activitybar .action-item', { has: page.locator(`.action-label[aria-label^="${title}"]`) }).first();
      await item.waitFor({ timeout });
      if (!/\bchecked\b/.test((await item.getAttribute('class')) ?? '')) await item.click();
    },

    /**
     * Hovers the mouse over `needle` on the first editor line matching `lineRe`
     * and waits for a hover whose text matches `expected`. Returns the hover's
     * text either way (an empty string when none showed), for the assertion.
     */
    async hoverText(needle, lineRe, expected) {
      // Monaco renders spaces as U+00A0, which \s in `lineRe` matches. Waiting on
      // the locator also covers lines that render after the editor appears.
      const line = page.locator('.editor-instance .monaco-editor .view-lines .view-line').filter({ hasText: lineRe }).first();
      await line.waitFor({ timeout });
      const token = line.locator('span span', { hasText: needle }).last();
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content');
      // A hover that starts while Monaco re-renders the line (tokens or squiggles
      // arriving) can vanish; a person would wiggle the mouse, so retry a few times.
      const attempts = 4;
      for (let i = 1; i <= attempts; i++) {
        await page.mouse.move(0, 0);
        // hover() waits for a stable, attached token and retries when the span is replaced.
        await token.hover({ timeout });
        // Providers answer one after another: wait for the part we expect, not the first.
        const shown = await hover
          .filter({ hasText: expected })
          .first()
          .waitFor({ timeout: i === attempts ? timeout / 2 : 3000 })
          .then(() => true, () => false);
        if (shown) break;
      }
      return (await hover.allInnerTexts()).join('\n').trim();
    },

    /**
     * Text of the active webview's document (two iframes deep in VS Code), once
     * it contains `expected` (default: any text). Returns it either way.
     */
    async webviewText(expected = /\S/) {
      const body = webviewBody();
      await body.filter({ hasText: expected }).waitFor({ timeout }).catch(() => {});
      return (await body.innerText().catch(() => '')).trim();
    },

    /** Clicks the first element in the active webview whose text matches `text`. */
    async webviewClick(text) {
      await webviewBody().getByText(text).first().click({ timeout });
    },
  };
}
