import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { ClusterView, ParsedDocument } from '../views';
import { stringMap } from './common';

export function isEksctlConfig(root: SourceNode): boolean {
  return root.kind === 'map' && (str(root.get('apiVersion')) ?? '').startsWith('eksctl.io/') && str(root.get('kind')) === 'ClusterConfig';
}

export function eksctlCluster(doc: ParsedDocument, root: SourceNode): ClusterView {
  const metadata = root.get('metadata');
  return {
    file: doc.file,
    doc,
    node: root,
    name: str(metadata?.get('name')),
    version: metadata?.get('version'),
    region: metadata?.get('region'),
    fargateProfiles: (root.get('fargateProfiles')?.items() ?? []).map((p) => ({
      name: str(p.get('name')) ?? '(unnamed profile)',
      node: p,
      selectors: (p.get('selectors')?.items() ?? []).map((s) => ({
        node: s,
        namespace: str(s.get('namespace')),
        labels: stringMap(s.get('labels')),
      })),
    })),
    nodeGroups: [...(root.get('nodeGroups')?.items() ?? []), ...(root.get('managedNodeGroups')?.items() ?? [])],
  };
}
