// Hovers on the examples, through `vscode.executeHoverProvider`: what a user
// reads when pointing at an EKS version, a container's resources or an
// apiVersion. Each hover states its data's date ("as of").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EKS_131_EXTENDED_END } from './fixtures';
import {
  exampleUri,
  formatRange,
  hoverContentsText,
  hoversAt,
  open,
  rangeOf,
  revertAndClose,
  whenIdle,
  yamlValueRange,
} from './helpers';

const AS_OF = /as of \d{4}-\d{2}-\d{2}/i;

/** The hover whose range is `range` (Offload's hovers span the value under the cursor). */
async function hoverOn(uri: vscode.Uri, range: vscode.Range): Promise<{ hover: vscode.Hover; text: string }> {
  const position = new vscode.Position(range.start.line, Math.floor((range.start.character + range.end.character) / 2));
  const hovers = await hoversAt(uri, position);
  const hover = hovers.find((h) => h.range?.isEqual(range));
  const seen = hovers.map((h) => `${h.range ? formatRange(h.range) : '(no range)'}: ${hoverContentsText(h).slice(0, 120)}`).join(' | ');
  assert.ok(hover, `no hover spanning ${formatRange(range)} at ${formatRange(new vscode.Range(position, position))}; hovers: ${seen || '(none)'}`);
  return { hover, text: hoverContentsText(hover) };
}

describe('hovers on the examples', () => {
  const opened: vscode.Uri[] = [];
  after(async () => {
    for (const uri of opened) await revertAndClose(uri);
  });
  async function openExample(file: string): Promise<{ uri: vscode.Uri; document: vscode.TextDocument }> {
    const uri = exampleUri(file);
    const { document } = await open(uri);
    opened.push(uri);
    return { uri, document };
  }

  it('on the eksctl version: its support calendar, the control-plane price and the date', async () => {
    const { uri, document } = await openExample('cluster/eksctl-cluster.yaml');
    const value = yamlValueRange(document, 'version', /^\s+version:/);
    const version = document.getText(value).replace(/"/g, '');
    const today = (await whenIdle()).getLastResult()!.target.today;
    const { text } = await hoverOn(uri, value);
    assert.match(text, new RegExp(`EKS ${version.replace('.', '\\.')}\\b`));
    // The calendar, with each phase's price.
    assert.match(text, /Standard support \| 2024-09-26 \| 2025-11-26 \| \$0\.10\/hour/, text);
    assert.match(text, /Extended support \| 2025-11-26 \| 2026-11-26 \| \$0\.60\/hour/, text);
    if (today < EKS_131_EXTENDED_END) {
      assert.match(text, /in EXTENDED support/i, text);
      assert.match(text, /costs \*\*\$0\.60\/hour\*\*/, text);
    } else {
      assert.match(text, /past the end of support/i, text);
    }
    assert.match(text, AS_OF, text);
  });

  it("on a container's resources: the Fargate size and its hourly cost", async () => {
    const { uri, document } = await openExample('k8s/shop.yaml');
    // The first container in the file: web, requesting 250m / 256Mi.
    const keyRange = rangeOf(document, 'resources', /^\s+resources:\s*$/);
    await whenIdle();
    const { text } = await hoverOn(uri, keyRange);
    assert.match(text, /0\.25vCPU 0\.5GB/, text);
    assert.match(text, /\$\d+\.\d+\/hour/, text);
    assert.match(text, AS_OF, text);
  });

  it('on a removed apiVersion: when it was removed and what replaces it', async () => {
    const { uri, document } = await openExample('k8s/batch.yaml');
    const value = yamlValueRange(document, 'apiVersion');
    assert.equal(document.getText(value), 'batch/v1beta1');
    await whenIdle();
    const { text } = await hoverOn(uri, value);
    assert.match(text, /batch\/v1beta1/);
    assert.match(text, /Removed in: 1\.25/, text);
    assert.match(text, /Replacement: `batch\/v1` CronJob/, text);
    assert.match(text, /NOT served/, text);
    assert.match(text, AS_OF, text);
  });
});
