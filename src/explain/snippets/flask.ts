/**
 * Flask with Flask-CORS. Flask-CORS reads origins and allowed headers as regular expressions whenever they hold
 * a regex metacharacter, so an observed value holding one would be matched as a pattern rather than as itself:
 * those are written as an escaped, end-anchored pattern. Methods are never patterns, but Flask-CORS upper-cases
 * them, which the snippet points out when a page sent a lower-case method.
 */
import { pyString } from '../literals';
import { notesAndAdvice, safeValues, type Snippet, type SnippetInput } from './input';

/** Flask-CORS treats a string holding * \ ] ? $ ^ [ ( ) as a regular expression: such values are escaped as one. */
export function flaskPattern(value: string): string {
  return /[*\\\]?$^[()]/.test(value) ? `re.compile(re.escape(${pyString(value)}) + r"\\Z")` : pyString(value);
}

export function flask(input: SnippetInput): Snippet<'flask'> {
  const s = safeValues(input, () => true);
  const needsRe = [s.origin ?? '', ...s.headers].some((v) => flaskPattern(v) !== pyString(v));
  const args: string[] = ['    app,'];
  if (s.origin !== null) args.push(`    origins=[${flaskPattern(s.origin)}],`);
  if (s.methods.length > 0) args.push(`    methods=[${s.methods.map(pyString).join(', ')}],`);
  if (s.headers.length > 0) args.push(`    allow_headers=[${s.headers.map(flaskPattern).join(', ')}],`);
  if (input.credentials) args.push('    supports_credentials=True,');
  if (input.maxAge !== null) args.push(`    max_age=${input.maxAge},`);
  const lowerMethod = s.methods.some((m) => m !== m.toUpperCase());
  const code = [
    '# pip install flask-cors',
    ...notesAndAdvice('#', s, input),
    ...(lowerMethod ? ['# Flask-CORS upper-cases method names; a page sending a lower-case method must send it upper-case.'] : []),
    ...(needsRe ? ['import re', ''] : []),
    'from flask_cors import CORS',
    '',
    '# Right after app = Flask(__name__): Flask-CORS answers OPTIONS itself, before your views and auth decorators.',
    'CORS(',
    ...args,
    ')',
  ];
  return { stack: 'flask', label: 'Flask (Flask-CORS)', code: code.join('\n') };
}
