/**
 * Changing the target (EKS version and regions) from the status bar, the Workloads
 * view or the palette. The choice is written where it is already configured:
 * a VS Code setting when one is set; else `.offload.yaml` when that file sets the key
 * (a minimal in-place edit, comments kept); else the workspace settings.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis-service';
import { toTextEdit } from './convert';
import type { Log } from './log';
import { engineApi } from './lazy';

const STATUS_TEXT: Record<string, string> = {
  standard: 'standard support',
  extended: 'extended support (extra cost)',
  'end-of-life': 'end of support',
  'not-yet-released': 'not released yet',
  unknown: 'unknown',
};

export class TargetPicker {
  constructor(
    private readonly service: AnalysisService,
    private readonly log: Log,
    private readonly today: () => string,
  ) {}

  /** The combined picker the status bar opens. */
  async pickTarget(): Promise<void> {
    const t = this.service.lastResult?.target;
    const pick = await vscode.window.showQuickPick(
      [
        { label: '$(versions) EKS version…', description: t ? `now ${t.eksVersion} (${t.eksVersionSource})` : undefined, id: 'version' as const },
        { label: '$(globe) Regions…', description: t ? `now ${t.regions.join(', ')}` : undefined, id: 'regions' as const },
      ],
      { title: 'Offload: change the target', placeHolder: 'What to change' },
    );
    if (pick?.id === 'version') await this.pickVersion();
    else if (pick?.id === 'regions') await this.pickRegions();
  }

  async pickVersion(): Promise<void> {
    const today = this.service.lastResult?.target.today ?? this.today();
    const current = this.service.lastResult?.target;
    const latest = engineApi().latestEksVersion(today)?.version;
    type Item = vscode.QuickPickItem & { value?: string };
    const items: Item[] = [
      {
        label: '$(sync) Automatic',
        description: `.offload.yaml, then an eksctl config, then the latest (${latest ?? '?'})`,
        value: 'latest',
      },
      { label: 'Supported versions', kind: vscode.QuickPickItemKind.Separator },
    ];
    const all = [...engineApi().eksVersions()].reverse().map((r) => ({ r, s: engineApi().eksSupportStatus(r.version, today) }));
    const row = ({ r, s }: (typeof all)[number]): Item => ({
      label: `${s.status === 'extended' ? '$(warning)' : s.status === 'end-of-life' ? '$(error)' : s.status === 'standard' ? '$(pass)' : '$(circle-outline)'} ${r.version}`,
      description: `${STATUS_TEXT[s.status]}${s.hourlyPriceUsd !== null ? ` · $${s.hourlyPriceUsd.toFixed(2)}/h per cluster` : ''}${current?.eksVersion === r.version ? ' · current target' : ''}`,
      detail: `EKS release ${r.eksRelease ?? '?'} · standard support until ${r.endOfStandardSupport ?? '?'} · extended support until ${r.endOfExtendedSupport ?? '?'}`,
      value: r.version,
    });
    items.push(...all.filter((x) => x.s.status === 'standard' || x.s.status === 'extended').map(row));
    const later = all.filter((x) => x.s.status === 'not-yet-released');
    if (later.length) items.push({ label: 'Not released yet', kind: vscode.QuickPickItemKind.Separator }, ...later.map(row));
    const old = all.filter((x) => x.s.status === 'end-of-life' || x.s.status === 'unknown');
    if (old.length) items.push({ label: 'End of support', kind: vscode.QuickPickItemKind.Separator }, ...old.map(row));
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Offload: target EKS version',
      placeHolder: current ? `Current target: EKS ${current.eksVersion} (from ${current.eksVersionSource})` : 'Pick a version',
      matchOnDescription: true,
    });
    if (!pick?.value) return;
    await this.write('eksVersion', pick.value);
  }

  async pickRegions(): Promise<void> {
    const current = new Set(this.service.lastResult?.target.regions ?? []);
    const yn = (v: boolean | null) => (v === true ? '✓' : v === false ? '✗' : '?');
    type Item = vscode.QuickPickItem & { code?: string };
    const items: Item[] = [];
    let group = '';
    for (const r of engineApi().allRegions()) {
      if (r.group !== group) {
        group = r.group;
        items.push({ label: { commercial: 'Commercial', 'china-and-govcloud': 'China and GovCloud', 'isolated-and-sovereign': 'Isolated and sovereign' }[r.group] ?? r.group, kind: vscode.QuickPickItemKind.Separator });
      }
      items.push({
        label: r.code,
        description: r.name,
        detail: `ECS ${yn(engineApi().regionSupports(r, 'ecs-ec2'))}  EKS ${yn(engineApi().regionSupports(r, 'eks-ec2'))}  Fargate/ECS ${yn(engineApi().regionSupports(r, 'ecs-fargate'))}  Fargate/EKS ${yn(engineApi().regionSupports(r, 'eks-fargate'))}`,
        picked: current.has(r.code),
        code: r.code,
      });
    }
    const picks = await vscode.window.showQuickPick(items, {
      title: 'Offload: target regions',
      placeHolder: 'Pick the regions to deploy to (none: back to .offload.yaml, the eksctl config, or us-east-1)',
      canPickMany: true,
      matchOnDescription: true,
    });
    if (!picks) return;
    await this.write('regions', picks.map((p) => p.code!).filter(Boolean));
  }

  /** Writes the choice where the target is configured. `latest` / [] mean "not set". */
  async write(key: 'eksVersion' | 'regions', value: string | string[]): Promise<void> {
    const unset = value === 'latest' || (Array.isArray(value) && value.length === 0);
    const cfg = vscode.workspace.getConfiguration('offload', vscode.workspace.workspaceFolders?.[0]?.uri);
    const inspected = cfg.inspect(key);
    const setInSettings = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined || inspected?.globalValue !== undefined;
    const config = this.service.configFile;
    try {
      if (!setInSettings && config && engineApi().setConfigValue(config.text, key, value)) {
        const doc = await vscode.workspace.openTextDocument(config.uri);
        // The open document may hold unsaved text: edit what is there now, and save
        // only when nothing else was unsaved in it.
        const wasDirty = doc.isDirty;
        const live = engineApi().setConfigValue(doc.getText(), key, value);
        if (live) {
          const we = new vscode.WorkspaceEdit();
          we.set(config.uri, [toTextEdit(live)]);
          if (await vscode.workspace.applyEdit(we)) {
            if (!wasDirty) await doc.save();
            this.log.info(`Set ${key} in ${config.path}`);
            return;
          }
        }
      }
      const target = inspected?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : vscode.workspace.workspaceFolders?.length
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
      await cfg.update(key, unset ? undefined : value, target);
      if (unset && target !== vscode.ConfigurationTarget.Global && inspected?.globalValue !== undefined) {
        this.log.info(`offload.${key} is still set in your user settings`);
      }
      this.log.info(`Set offload.${key} in the ${target === vscode.ConfigurationTarget.Global ? 'user' : 'workspace'} settings`);
    } catch (err) {
      void vscode.window.showErrorMessage(`Offload could not save the target: ${(err as Error)?.message ?? String(err)}`);
    }
  }
}
