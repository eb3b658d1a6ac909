// What a person sees after installing offload.vsix into code-server and
// opening examples/. Each check drives the page the way a user would (keys,
// clicks, hovering) and asserts on rendered text; the runner is
// scripts/code-server/vsix-browser-check.mjs. Names read as mocha titles.
//
// Titles, view names and command titles come from the packaged manifest, so a
// rename in package.json does not break these checks.
import assert from 'node:assert/strict';

const UI_TIMEOUT_MS = 20_000;

/** @typedef {{ page: import('playwright-core').Page, manifest: any, installed: string[], daemonSetFile: string, otherWorkloads: string[], shot: (name: string) => Promise<void>, ui: ReturnType<typeof import('../../scripts/code-server/workbench.mjs').workbench> }} Ctx */

/** @type {{ title: string, run: (ctx: Ctx) => Promise<void> }[]} */
export const checks = [
  {
    title: 'the workbench opens examples/ with the Offload extension installed',
    async run({ page, ui, installed }) {
      assert.ok(installed.includes('offload-dev.offload'), `installed extensions: ${installed.join(', ') || '(none)'}`);
      await ui.ready();
      await assert.doesNotReject(
        page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'k8s' }).first().waitFor({ timeout: UI_TIMEOUT_MS }),
        'the Explorer does not list examples/k8s',
      );
      assert.match(await page.title(), /examples/);
    },
  },
  {
    title: 'the Problems panel lists eks-fargate-daemonset for the DaemonSet example',
    async run({ page, ui, daemonSetFile, shot }) {
      await ui.openFile(daemonSetFile);
      // Filter as a person would to find one rule among the workspace's problems.
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'eks-fargate-daemonset' }).first();
      // The filter is typed again if the list has not followed it: once on a cold CI
      // machine the first typing left the list unfiltered (the row past the fold).
      for (let attempt = 0; attempt < 2; attempt++) {
        await ui.showProblems('eks-fargate-daemonset');
        if (await row.waitFor({ timeout: UI_TIMEOUT_MS / 2 }).then(() => true, () => false)) break;
      }
      await row.waitFor({ timeout: UI_TIMEOUT_MS / 2 }).catch(async () => {
        const text = await page.locator('.markers-panel').innerText().catch(() => '(no Problems panel)');
        assert.fail(`no eks-fargate-daemonset entry in the Problems panel; it shows:\n${text.trim() || '(empty)'}`);
      });
      assert.match(await row.innerText(), /fargate/i);
      await shot('problems-panel.png');
      await ui.showProblems('');
    },
  },
  {
    title: 'hovering the DaemonSet kind explains why it does not fit Fargate',
    async run({ page, ui, daemonSetFile, shot }) {
      await ui.openFile(daemonSetFile);
      // Hover once the squiggle shows, as a person would: the analysis is done by then.
      await page.locator('.editor-instance .monaco-editor [class*="squiggly-"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
      const text = await ui.hoverText('DaemonSet', /^kind:\s*DaemonSet/, /fargate/i);
      assert.match(text, /fargate/i, `hover text was: ${text || '(none)'}`);
      await shot('hover.png');
      await page.keyboard.press('Escape');
    },
  },
  {
    title: 'the Offload sidebar lists the workloads of examples/',
    async run({ page, ui, manifest, otherWorkloads, shot }) {
      const container = (manifest.contributes?.viewsContainers?.activitybar ?? []).find((c) => c.id === 'offload');
      assert.ok(container, 'package.json contributes no activity-bar container with id "offload"');
      const view = (manifest.contributes?.views?.offload ?? []).find((v) => v.id === 'offload.workloads');
      assert.ok(view, 'package.json contributes no view offload.workloads in the offload container');
      await ui.openActivity(container.title);
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(escape(view.name), 'i') }) });
      await pane.waitFor({ timeout: UI_TIMEOUT_MS });
      const rows = pane.locator('.pane-body .monaco-list-row');
      await rows.first().waitFor({ timeout: UI_TIMEOUT_MS });
      const text = await pane.locator('.pane-body').innerText();
      // Workloads from files nobody opened prove the workspace scan, not just the open editor.
      const unopened = otherWorkloads.filter((name) => text.includes(name));
      assert.ok(unopened.length > 0, `the ${view.name} view lists none of ${otherWorkloads.join(', ')} (from files not opened); it shows:\n${text}`);
      // The README's overview: sidebar, squiggles and the whole Problems panel.
      await ui.showProblems('');
      await shot('overview.png');
      await ui.hidePanel();
      await shot('sidebar.png');
    },
  },
  {
    title: 'the Platform Guide webview renders',
    async run({ page, ui, manifest, shot }) {
      const cmd = (manifest.contributes?.commands ?? []).find((c) => c.command === 'offload.showGuide');
      assert.ok(cmd, 'package.json contributes no command offload.showGuide');
      await ui.runCommand(cmd.category ? `${cmd.category}: ${cmd.title}` : cmd.title);
      await page.locator('.tabs-container .tab', { hasText: /platform guide/i }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      const body = await ui.webviewText(/fargate/i);
      assert.match(body, /fargate/i, `the guide shows:\n${body.slice(0, 500) || '(nothing)'}`);
      await ui.hidePanel();
      await ui.runCommandIfPresent('View: Toggle Maximize Editor Group');
      await shot('platform-guide.png');
    },
  },
  {
    title: 'the Platform Guide shows the EKS version calendar',
    async run({ ui, shot }) {
      await ui.webviewClick(/^\s*EKS versions\s*$/i);
      const body = await ui.webviewText(/extended/i);
      assert.match(body, /\b1\.\d{2}\b/, `the EKS versions tab shows:\n${body.slice(0, 500)}`);
      await shot('guide-calendar.png');
    },
  },
];

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
