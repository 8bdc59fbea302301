// The part of web-ext's programmatic API the lint test uses (web-ext ships no types).
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(params: { sourceDir: string; output?: 'json' | 'text' | 'none' }, options?: { shouldExitProgram?: boolean }): Promise<unknown>;
    };
  };
  export default webExt;
}
