/**
 * Parsers for the CPU and memory spellings that manifests use. They take `unknown`
 * because values come straight from parsed YAML/JSON, and return undefined for
 * anything they cannot read (or a negative amount) rather than throwing.
 */

const MIB = 1024 * 1024;

/** Kubernetes quantity suffixes: binary SI, decimal SI. 'm' is milli, not mega. */
const K8S_SUFFIX: Readonly<Record<string, number>> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

// Number, then an optional binary/decimal suffix or a decimal exponent ('1e3').
// The exponent form is tried first so that '1E3' is an exponent while a bare '1E'
// stays exa, which is how Kubernetes reads them too.
const K8S_QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/**
 * Reads a Kubernetes resource quantity ('500m', '1.5', '1Gi', '1e9', 2) in base units
 * (cores for CPU, bytes for memory).
 */
export function parseK8sQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = K8S_QUANTITY.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const result = m[2] !== undefined ? n * 10 ** Number(m[2].slice(1)) : n * (K8S_SUFFIX[m[3] ?? ''] ?? 1);
  return Number.isFinite(result) && result >= 0 ? result : undefined;
}

/** A Kubernetes CPU quantity in vCPU: '500m' -> 0.5, '0.5' -> 0.5, 1 -> 1. */
export function parseK8sCpu(value: unknown): number | undefined {
  return parseK8sQuantity(value);
}

/**
 * A Kubernetes memory quantity in MiB: '1Gi' -> 1024, '512Mi' -> 512,
 * '1G' -> 953.67 (decimal), a bare number counts bytes.
 * Note that '512m' is 0.512 bytes, not megabytes: it parses faithfully to a tiny
 * number, which a rule can then flag.
 */
export function parseK8sMemory(value: unknown): number | undefined {
  const bytes = parseK8sQuantity(value);
  return bytes === undefined ? undefined : bytes / MIB;
}

const ECS_CPU = /^(\d+(?:\.\d*)?|\.\d+)\s*(vcpus?)?$/i;
const ECS_MEMORY = /^(\d+(?:\.\d*)?|\.\d+)\s*(gb|gib|mb|mib)?$/i;

/**
 * ECS CPU in CPU units (1024 = 1 vCPU). Task definitions write units ('1024' or
 * 1024); the ECS console and CloudFormation also accept '1 vCPU' / '0.25 vcpu'.
 */
export function parseEcsCpu(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = ECS_CPU.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? n * 1024 : n;
}

/**
 * ECS memory in MiB. A bare number is MiB ('2048'); '2 GB' / '2GiB' are GiB, because
 * ECS means 1024 MiB when it writes GB.
 */
export function parseEcsMemory(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = ECS_MEMORY.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'mib').toLowerCase();
  return unit === 'gb' || unit === 'gib' ? n * 1024 : n;
}
