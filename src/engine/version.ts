/** Kept in step with package.json by a unit test (the engine cannot read package.json). */
export const ENGINE_VERSION = '0.1.0';
