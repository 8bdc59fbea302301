/**
 * Runs policy snippets in their own language against stubs of the library they configure, and returns what
 * the library was given, decoded by the language itself. A value that reached the code unescaped either
 * breaks the run or comes back different, so equality with the intended values is the escaping test.
 * Each runner answers null when its toolchain is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';

const has = (cmd: string, arg = '--version') => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
export const HAS_PYTHON = has('python3');
export const HAS_JAVA = has('javac', '-version') && has('java', '-version');

/** Express: the options each `cors()` got and the paths each was mounted on. */
export function runExpress(code: string): { paths: unknown; options: Record<string, unknown> }[] {
  const made: Record<string, unknown>[] = [];
  const mounted: { paths: unknown; options: Record<string, unknown> }[] = [];
  const cors = (options: Record<string, unknown>) => {
    made.push(options);
    return options;
  };
  const app = { use: (...args: unknown[]) => mounted.push(args.length === 1 ? { paths: '/', options: args[0] as Record<string, unknown> } : { paths: args[0], options: args[1] as Record<string, unknown> }) };
  vm.runInNewContext(code, { require: (name: string) => (name === 'cors' ? cors : undefined), app });
  return JSON.parse(JSON.stringify(mounted)) as { paths: unknown; options: Record<string, unknown> }[];
}

export type LambdaResult = { statusCode: number; headers: Record<string, string>; body: string };

/** The Lambda wrapper around a handler answering 500: call it with API Gateway events. */
export function runLambda(code: string): (event: Record<string, unknown>) => Promise<LambdaResult> {
  const context: Record<string, unknown> = { console };
  vm.runInNewContext(`${code}\nglobalThis.__wrapped = withCors(async () => ({ statusCode: 500, headers: { 'Content-Type': 'text/plain' }, body: 'boom' }));`, context);
  return context.__wrapped as (event: Record<string, unknown>) => Promise<LambdaResult>;
}

function python(script: string): unknown {
  const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}

const JSONABLE = `
import json, re
def plain(v):
    if isinstance(v, re.Pattern): return {"re": v.pattern}
    if isinstance(v, dict): return {k: plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)): return [plain(x) for x in v]
    return v
`;

/** Flask: the keyword arguments CORS() got (compiled patterns as {re: pattern}). */
export function runFlask(code: string): unknown {
  const prelude = `${JSONABLE}
import sys, types
got = {}
m = types.ModuleType("flask_cors")
def CORS(app, **kw): got.update(kw)
m.CORS = CORS
sys.modules["flask_cors"] = m
app = object()
`;
  return python(`${prelude}\n${code}\nprint(json.dumps(plain(got)))`);
}

/** Django: the CORS_* settings, and what was added to INSTALLED_APPS and MIDDLEWARE. */
export function runDjango(code: string): Record<string, unknown> {
  return python(`${JSONABLE}\nINSTALLED_APPS = []\nMIDDLEWARE = []\n${code}\nprint(json.dumps(plain({k: v for k, v in dict(globals()).items() if k.startswith("CORS_") or k in ("INSTALLED_APPS", "MIDDLEWARE")})))`) as Record<string, unknown>;
}

const SPRING_STUBS = `import java.util.*;
@interface Bean {}
interface CorsConfigurationSource {}
class CorsConfiguration {
  Map<String, Object> v = new LinkedHashMap<>();
  void setAllowedOrigins(List<String> x) { v.put("origins", x); }
  void setAllowedMethods(List<String> x) { v.put("methods", x); }
  void setAllowedHeaders(List<String> x) { v.put("headers", x); }
  void setAllowCredentials(Boolean b) { v.put("credentials", b); }
  void setMaxAge(Long l) { v.put("maxAge", l); }
  void setExposedHeaders(List<String> x) { v.put("expose", x); }
}
class UrlBasedCorsConfigurationSource implements CorsConfigurationSource {
  List<String> out = new ArrayList<>();
  void registerCorsConfiguration(String p, CorsConfiguration c) { out.add(p + " " + c.v); }
}`;

/** Spring: each registered pattern with its configuration's values, as Java prints them. */
export function runSpring(code: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'policy-spring-'));
  writeFileSync(join(dir, 'Stubs.java'), SPRING_STUBS);
  writeFileSync(
    join(dir, 'Main.java'),
    `import java.util.*;\npublic class Main {\n${code}\npublic static void main(String[] a) {\n  UrlBasedCorsConfigurationSource s = (UrlBasedCorsConfigurationSource) new Main().corsConfigurationSource();\n  for (String line : s.out) System.out.println(line);\n}\n}\n`,
  );
  const c = spawnSync('javac', ['-encoding', 'UTF-8', '-d', dir, join(dir, 'Stubs.java'), join(dir, 'Main.java')], { encoding: 'utf8' });
  if (c.status !== 0) throw new Error(`javac failed: ${c.stderr}`);
  const r = spawnSync('java', ['-Dstdout.encoding=UTF-8', '-cp', dir, 'Main'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`java failed: ${r.stderr}`);
  return r.stdout.trim().split('\n');
}
