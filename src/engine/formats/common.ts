import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';

/** A string-to-string map (labels, nodeSelector), skipping non-scalar values. */
export function stringMap(node: SourceNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of node?.entries() ?? []) {
    const v = str(e);
    if (e.key !== undefined && v !== undefined) out[e.key] = v;
  }
  return out;
}

/** Extended resource names that put a pod on accelerator hardware. */
export function isAcceleratorResource(name: string): boolean {
  return /^(nvidia\.com\/|amd\.com\/gpu|aws\.amazon\.com\/(neuron|neuroncore|neurondevice)|habana\.ai\/|intel\.com\/gpu|gpu\.intel\.com\/)/.test(name);
}
