// Which compiled code is running: scripts/build.mjs defines __BAOCAO_BUILD_ID__ as a
// hash of the sources and the lock file. A render is kept for the build that made it
// (ADR 0022); from sources (tsx: tests, development) there is no build and nothing is kept.
declare const __BAOCAO_BUILD_ID__: string | undefined;

export const BUILD_ID: string | undefined = typeof __BAOCAO_BUILD_ID__ === 'string' ? __BAOCAO_BUILD_ID__ : undefined;
