/**
 * The engine for the extension host, loaded on first use: activation then loads only
 * the thin adapters. In the bundle, `./engine-api` stays a separate file next to
 * dist/extension.js (scripts/build.mjs); under tsc it is the compiled module.
 */
import type * as Api from './engine-api';

export type EngineApi = typeof Api;

let api: EngineApi | undefined;

export function engineApi(): EngineApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (api ??= require('./engine-api') as EngineApi);
}
