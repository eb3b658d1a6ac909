import type { SourceNode } from '../source/source-node';
import type { EksSupportStatus } from '../knowledge';
import { EKS_CONTROL_PLANE_PRICING, HOURS_PER_MONTH, KNOWLEDGE_AS_OF, eksSupportStatus, eksVersion, eksVersions, normalizeEksVersion, supportedEksVersions } from '../knowledge';
import { replaceValue } from '../fix/yaml-edits';
import type { FixDescriptor } from './define-rule';
import { defineRule } from './define-rule';

/** Values eksctl accepts instead of a version: it then uses its own default. */
const EKSCTL_KEYWORDS = new Set(['auto', 'latest', 'default']);

/**
 * How close the end of standard support must be to say so. A product choice, not a
 * fact: about one billing month, enough to plan a one-minor upgrade.
 */
const ENDS_SOON_DAYS = 30;

export default defineRule({
  meta: {
    id: 'eksctl-version-support',
    title: 'EKS version support status of an eksctl cluster',
    description: 'Checks metadata.version of an eksctl ClusterConfig against the EKS version calendar on today\'s date: extended support (and its cost), end of life, unknown versions, and versions written as YAML numbers.',
    remediation: 'Quote the version ("1.31"), and move to a version in standard support; an existing cluster upgrades one minor version at a time.',
    formats: ['eksctl'],
    platforms: ['eks-ec2', 'eks-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: Kubernetes version lifecycle on EKS (latest/ug/versioning/kubernetes-versions.adoc): 14 months standard, 12 months extended, then automatic upgrade',
      'AWS Containers blog: Amazon EKS extended support for Kubernetes versions pricing ($0.60 vs $0.10 per cluster-hour, from 2024-04-01)',
      'eksctl: loading a config file decodes metadata.version as a string (pkg/ctl/cmdutils/configfile.go); eksctl-io/eksctl issue #5556 (unquoted version 1.22 fails to load)',
      'eksctl user guide: Cluster upgrades (one minor version at a time)',
    ],
    messages: {
      unquoted: 'version {{text}} is a YAML number, not a string: eksctl refuses to load the file, and a version ending in 0 loses it (1.30 reads as 1.3). Quote it: "{{intended}}".',
      unquotedUnknown: 'version {{text}} is a YAML number, not a string: eksctl refuses to load the file, and {{text}} is not an EKS version. Write the version as a quoted string.',
      unquotedAmbiguous: 'version {{text}} is a YAML number, not a string: eksctl refuses to load the file, and {{text}} is not an EKS version. If you meant {{intended}}, quote it: "{{intended}}".',
      extended:
        'EKS {{version}} is in extended support, which ends on {{end}} ({{daysAway}}): the control plane costs ${{price}} per cluster-hour instead of ${{standardPrice}} (about ${{monthly}} instead of ${{standardMonthly}} a month). On {{end}} EKS upgrades the control plane automatically. In standard support: {{standardVersions}}.',
      endOfLife:
        'EKS {{version}} reached end of support on {{end}}: EKS creates no new clusters on it and upgrades existing control planes automatically. In standard support: {{standardVersions}} (an existing cluster upgrades one minor version at a time).',
      endsSoon:
        'EKS {{version}} leaves standard support on {{date}} ({{daysAway}}): from then the control plane costs ${{extendedPrice}} per cluster-hour instead of ${{price}} (about ${{extendedMonthly}} instead of ${{monthly}} a month) until you upgrade.',
      notReleased: 'EKS {{version}} is not released on {{today}}{{expected}}. Versions a cluster can run today: {{supported}}.',
      unknown: '{{note}} Versions a cluster can run on {{today}}: {{supported}} (EKS calendar as of {{asOf}}).',
    },
    scope: 'document',
  },
  check(ctx) {
    const today = ctx.options.today;
    const text = ctx.text();
    const supported = supportedEksVersions(today);
    const standard = supported.filter((s) => s.status === 'standard').map((s) => s.version);
    const extended = supported.filter((s) => s.status === 'extended').map((s) => s.version);
    const supportedText = [standard.length ? `${standard.join(', ')} (standard)` : '', extended.length ? `${extended.join(', ')} (extended support)` : ''].filter(Boolean).join('; ') || 'none in the data';
    const standardText = standard.length ? standard.join(', ') : 'none in the data';
    const pricing = EKS_CONTROL_PLANE_PRICING;

    for (const c of ctx.clusters()) {
      const node = c.version;
      if (!node || node.kind !== 'scalar' || node.value === null || node.value === '') continue;
      const raw = node.value;
      if (typeof raw === 'string' && EKSCTL_KEYWORDS.has(raw.trim().toLowerCase())) continue;
      const written = text.slice(node.start, node.end);

      // The float trap: the text still says what was meant, the parsed number may not.
      let version: unknown = raw;
      if (typeof raw === 'number') {
        const m = /^(\d+)\.(\d+)$/.exec(written);
        if (m && m[2].length >= 2) {
          version = written;
          ctx.report({ node, messageId: 'unquoted', data: { text: written, intended: written }, severity: 'error', effect: 'advice', fix: { title: `Quote the version: "${written}"`, edits: [replaceValue(node, `"${written}"`)] } });
        } else {
          // 1.3: EKS has only two-digit minors, so 1.30 is likely, but the user must say so.
          const intended = m ? normalizeEksVersion(raw) : undefined;
          if (intended && eksVersion(intended)) {
            version = intended;
            ctx.report({ node, messageId: 'unquotedAmbiguous', data: { text: written, intended }, severity: 'error', effect: 'advice', suggest: [{ title: `Use "${intended}"`, edits: [replaceValue(node, `"${intended}"`)] }] });
          } else {
            ctx.report({ node, messageId: 'unquotedUnknown', data: { text: written }, severity: 'error', effect: 'advice' });
            continue;
          }
        }
      }

      const s = eksSupportStatus(version, today);
      const upgrades = suggestions(node, text, standard);
      switch (s.status) {
        case 'standard': {
          if (s.next && s.next.status === 'extended' && s.next.daysAway <= ENDS_SOON_DAYS) {
            ctx.report({
              node,
              messageId: 'endsSoon',
              data: {
                version: s.version,
                date: s.next.date,
                daysAway: inDays(s.next.daysAway),
                price: money(pricing.standardSupportPerClusterHour),
                extendedPrice: money(pricing.extendedSupportPerClusterHour),
                monthly: money(pricing.standardSupportPerClusterHour * HOURS_PER_MONTH, 0),
                extendedMonthly: money(pricing.extendedSupportPerClusterHour * HOURS_PER_MONTH, 0),
              },
              severity: 'info',
              effect: 'advice',
            });
          }
          break;
        }
        case 'extended': {
          const price = s.hourlyPriceUsd ?? pricing.extendedSupportPerClusterHour;
          ctx.report({
            node,
            messageId: 'extended',
            data: {
              version: s.version,
              end: s.endOfExtendedSupport ?? 'an unknown date',
              daysAway: s.next ? inDays(s.next.daysAway) : 'date unknown',
              price: money(price),
              standardPrice: money(pricing.standardSupportPerClusterHour),
              monthly: money(price * HOURS_PER_MONTH, 0),
              standardMonthly: money(pricing.standardSupportPerClusterHour * HOURS_PER_MONTH, 0),
              standardVersions: standardText,
            },
            severity: 'warning',
            effect: 'advice',
            suggest: upgrades,
          });
          break;
        }
        case 'end-of-life':
          ctx.report({
            node,
            messageId: 'endOfLife',
            data: { version: s.version, end: endOfLifeDate(s), standardVersions: standardText },
            severity: 'error',
            effect: 'blocks',
            suggest: upgrades,
          });
          break;
        case 'not-yet-released':
          ctx.report({
            node,
            messageId: 'notReleased',
            data: { version: s.version, today, expected: s.eksRelease ? ` (EKS release expected on ${s.eksRelease})` : '', supported: supportedText },
            severity: 'warning',
            suggest: upgrades,
          });
          break;
        case 'unknown':
          ctx.report({
            node,
            messageId: 'unknown',
            data: { note: unknownNote(s), today, supported: supportedText, asOf: KNOWLEDGE_AS_OF.eksVersions },
            severity: 'warning',
            suggest: upgrades,
          });
          break;
      }
    }
  },
});

/** One suggestion per version in standard support, newest first, keeping the quote style. */
function suggestions(node: SourceNode, text: string, standard: string[]): FixDescriptor[] {
  const q = node.quoted && text[node.start] === "'" ? "'" : '"';
  return [...standard].reverse().map((v) => ({ title: `Use ${v}`, edits: [replaceValue(node, `${q}${v}${q}`)] }));
}

function unknownNote(s: EksSupportStatus): string {
  if (s.known) return `The support status of EKS ${s.version} is not in the data${s.note ? ` (${s.note})` : ''}.`;
  const newest = eksVersions().at(-1)?.version;
  if (s.note?.includes('newer than')) return `EKS ${s.version} is newer than any version Offload knows (newest: ${newest}).`;
  return `${s.version.startsWith('"') ? s.version : `"${s.version}"`} is not an EKS version.`;
}

function endOfLifeDate(s: EksSupportStatus): string {
  return s.endOfExtendedSupport ?? s.endOfStandardSupport ?? 'an unknown date';
}

function inDays(n: number): string {
  return n === 0 ? 'today' : n === 1 ? 'in 1 day' : `in ${n} days`;
}

function money(n: number, digits = 2): string {
  return n.toFixed(digits);
}
