/**
 * Hovers: the engine's describeAt() says what is under the cursor (kind, apiVersion,
 * resources, ECS cpu/memory, eksctl version, region, .offload.yaml settings); this
 * only converts it.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis-service';
import { toMarkdown, toRange } from './convert';
import { engineApi } from './lazy';

export class OffloadHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly service: AnalysisService,
    private readonly today: () => string,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const isConfig = this.service.isConfigDocument(doc);
    if (!isConfig && !this.service.isAnalysed(doc)) return undefined;
    await this.service.ensureFresh(doc);
    if (token.isCancellationRequested) return undefined;
    const result = this.service.lastResult;
    const path = this.service.trackedPath(doc.uri) ?? this.service.pathOf(doc.uri, doc.languageId);
    const d = engineApi().describeAt({ path, text: doc.getText() }, doc.offsetAt(position), {
      today: result?.target.today ?? this.today(),
      eksVersion: result?.target.eksVersion,
      regions: result?.target.regions,
      result,
      cache: this.service.chunkCache,
    });
    return d ? new vscode.Hover(toMarkdown(d.contents), toRange(d.range)) : undefined;
  }
}
