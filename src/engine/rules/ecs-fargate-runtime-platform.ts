import { str } from '../source/source-node';
import { replaceJsonValue } from '../fix/json-edits';
import { CPU_ARCHITECTURES, FARGATE_OS_FAMILIES, fargateSeverity, UNCONFIRMED_FARGATE_OS_FAMILIES } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

const KNOWN_OS: readonly string[] = [...FARGATE_OS_FAMILIES, ...UNCONFIRMED_FARGATE_OS_FAMILIES];

export default defineRule({
  meta: {
    id: 'ecs-fargate-runtime-platform',
    title: 'runtimePlatform must be an OS and CPU architecture Fargate runs',
    description: 'Checks runtimePlatform: operatingSystemFamily must be one Fargate lists, ARM64 only with Linux; Windows Server 2025 is not confirmed on Fargate; and Windows or ARM64 tasks cannot move to EKS on Fargate, which runs Linux x86_64 pods only.',
    remediation: 'Use LINUX or a WINDOWS_SERVER_2019/2022 family, and X86_64 for Windows. For EKS on Fargate, build a Linux x86_64 image.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS Developer Guide: AWS_Fargate.md @49232cf2 (operating systems and architectures; ARM64 is Linux only)',
      'Amazon ECS API Reference: RuntimePlatform (operatingSystemFamily enum, incl. WINDOWS_SERVER_2025_*)',
      'Amazon EKS User Guide: fargate.adoc (EKS Fargate runs Linux x86_64 only: no Arm, no Windows)',
      'AWS Fargate pricing: "Windows Operating System and ARM CPU Architecture are currently only available for Amazon ECS"',
    ],
    messages: {
      unknownOs: 'operatingSystemFamily "{{value}}" is not one Fargate runs ({{known}}).',
      unconfirmedOs: '{{value}} is in the ECS API, but no Fargate documentation Offload ships confirms it on Fargate; check the current AWS docs before relying on it, or build on Windows Server 2022.',
      unknownArch: 'cpuArchitecture "{{value}}" is not one ECS knows ({{known}}).',
      windowsArm: 'Windows tasks run on X86_64 only; ARM64 on Fargate is for Linux.',
      windowsNotEks: 'Windows tasks cannot move to EKS on Fargate, which runs Linux pods only.',
      armNotEks: 'EKS on Fargate runs x86_64 pods only: this ARM64 task would need an x86_64 (or multi-arch) image there.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      const task = w.node;
      const rp = task.get('runtimePlatform');
      if (!rp) continue;
      const osNode = rp.get('operatingSystemFamily');
      const archNode = rp.get('cpuArchitecture');
      const os = str(osNode);
      const arch = str(archNode);
      const severity = fargateSeverity(task);
      let windows = false;
      if (osNode && os !== undefined) {
        const upper = os.trim().toUpperCase();
        windows = upper.startsWith('WINDOWS');
        if ((UNCONFIRMED_FARGATE_OS_FAMILIES as readonly string[]).includes(os)) {
          ctx.report({ node: osNode, messageId: 'unconfirmedOs', data: { value: os }, workload: w, effect: 'advice', severity: 'info' });
        } else if (!(FARGATE_OS_FAMILIES as readonly string[]).includes(os)) {
          // A case or spacing slip has one right answer; another family does not.
          const fixed = KNOWN_OS.includes(upper) ? upper : undefined;
          ctx.report({
            node: osNode,
            messageId: 'unknownOs',
            data: { value: os, known: FARGATE_OS_FAMILIES.join(', ') },
            workload: w,
            severity,
            ...(fixed ? { fix: { title: `Use "${fixed}"`, edits: [replaceJsonValue(osNode, fixed)] } } : {}),
          });
        }
        if (windows) ctx.report({ node: osNode, messageId: 'windowsNotEks', workload: w, platforms: ['eks-fargate'], effect: 'blocks', severity: 'info' });
      }
      if (archNode && arch !== undefined) {
        const upper = arch.trim().toUpperCase();
        if (!(CPU_ARCHITECTURES as readonly string[]).includes(arch) && !(windows && upper === 'ARM64')) {
          const fixed = (CPU_ARCHITECTURES as readonly string[]).includes(upper) ? upper : undefined;
          ctx.report({
            node: archNode,
            messageId: 'unknownArch',
            data: { value: arch, known: CPU_ARCHITECTURES.join(', ') },
            workload: w,
            severity,
            ...(fixed ? { fix: { title: `Use "${fixed}"`, edits: [replaceJsonValue(archNode, fixed)] } } : {}),
          });
        }
        if (upper === 'ARM64' && windows) {
          ctx.report({ node: archNode, messageId: 'windowsArm', workload: w, severity, fix: { title: 'Use "X86_64"', edits: [replaceJsonValue(archNode, 'X86_64')] } });
        } else if (upper === 'ARM64') {
          ctx.report({ node: archNode, messageId: 'armNotEks', workload: w, platforms: ['eks-fargate'], severity: 'info' });
        }
      }
    }
  },
});
