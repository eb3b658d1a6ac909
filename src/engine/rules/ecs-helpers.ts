import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';

/**
 * Whether a task definition asks to be validated for Fargate. Findings that AWS
 * would reject at registration are errors there; elsewhere they say what a move
 * to Fargate would take.
 */
export function targetsFargate(task: SourceNode): boolean {
  return (task.get('requiresCompatibilities')?.items() ?? []).some((n) => str(n) === 'FARGATE');
}

/** The OS family of the task: Windows tasks have their own Fargate limits. */
export function taskOs(task: SourceNode): 'LINUX' | 'WINDOWS' {
  const fam = str(task.at('runtimePlatform', 'operatingSystemFamily')) ?? 'LINUX';
  return fam.startsWith('WINDOWS') ? 'WINDOWS' : 'LINUX';
}
