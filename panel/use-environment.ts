/** The browser and tool an export names, known once client hints answer; until then only the tool. */
import { useEffect, useState } from 'preact/hooks';
import { type Environment, environment, TOOL } from './environment';

export function useEnvironment(): Environment {
  const [env, setEnv] = useState<Environment>({ browser: null, tool: TOOL });
  useEffect(() => {
    void environment().then(setEnv);
  }, []);
  return env;
}
