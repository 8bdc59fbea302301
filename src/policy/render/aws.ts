/**
 * Where CORS lives outside the app when the target is an API Gateway endpoint (`*.execute-api.*.amazonaws.com`).
 * API Gateway answers some requests itself (an authorizer's 401, a missing API key's 403, throttling's 429, an
 * integration failure's 502/504): those never reach the code, so only gateway responses can give them CORS
 * headers, and they send one fixed value, which can name one origin and never a list (mapping the request's
 * Origin would allow every site). An HTTP API's own CORS configuration takes a list. Behind a Lambda proxy
 * integration the function's response is what the browser gets, so the function must add the lines itself.
 * Both use the whole origin's configuration: a gateway response is per API, not per path.
 */
import { jsString } from '../../explain/literals';
import type { Policy } from '../types';
import { comments, type RenderPart, renderInput, where } from './input';

export type OutsidePlace = 'aws-api-gateway' | 'aws-lambda';

export interface OutsideSnippet {
  readonly place: OutsidePlace;
  readonly label: string;
  readonly code: string;
}

const EXECUTE_API = /^https:\/\/[a-z0-9]+\.execute-api\.[a-z0-9-]+\.amazonaws\.com(:443)?$/;

export function isApiGateway(target: string): boolean {
  return EXECUTE_API.test(target);
}

const yamlList = (xs: readonly string[]) => `[${xs.map(jsString).join(', ')}]`;

function gatewayResponse(type: 'DEFAULT_4XX' | 'DEFAULT_5XX', w: RenderPart): string[] {
  const lines: [string, string][] = [];
  if (w.origins.length === 1) lines.push(['Access-Control-Allow-Origin', w.origins[0] as string]);
  if (w.origins.length === 1 && w.credentials) lines.push(['Access-Control-Allow-Credentials', 'true']);
  lines.push(['Vary', 'Origin']);
  return [
    `CorsDefault${type === 'DEFAULT_4XX' ? '4xx' : '5xx'}:`,
    '  Type: AWS::ApiGateway::GatewayResponse',
    '  Properties:',
    '    RestApiId: !Ref Api # your AWS::ApiGateway::RestApi',
    `    ResponseType: ${type}`,
    '    ResponseParameters:',
    // The value is an API Gateway literal in single quotes, inside a YAML string: origins hold no quote.
    ...lines.map(([name, value]) => `      gatewayresponse.header.${name}: ${jsString(`'${value}'`)}`),
  ];
}

function apiGateway(w: RenderPart): string {
  const several = w.origins.length > 1;
  return [
    '# API Gateway, REST API: the errors API Gateway answers itself (authorizer 401, missing API key 403,',
    '# throttling 429, integration 502/504) never reach your code; gateway responses give them the headers.',
    '# CloudFormation / SAM resources, next to your AWS::ApiGateway::RestApi. Redeploy the stage after.',
    ...comments('#', w.leftOut),
    ...(several
      ? comments('#', [
          'This API is called from several origins, and a gateway response sends one fixed value: it cannot choose',
          'among them (mapping method.request.header.Origin would allow every site), so these carry only Vary.',
          'Give each origin its own stage, or use an HTTP API, whose CORS configuration below takes the list.',
        ])
      : []),
    '# The OPTIONS method must have no authorizer and no API key (AuthorizationType: NONE, ApiKeyRequired:',
    '# false), so the preflight is answered before authentication: route it to the Lambda below.',
    ...gatewayResponse('DEFAULT_4XX', w),
    ...gatewayResponse('DEFAULT_5XX', w),
    '',
    '# Or, for an HTTP API (API Gateway v2): its CORS configuration answers preflights itself and adds the',
    '# headers to every response, errors included (AWS::ApiGatewayV2::Api, or Properties of AWS::Serverless::HttpApi).',
    'CorsConfiguration:',
    `  AllowOrigins: ${yamlList(w.origins)}`,
    `  AllowMethods: ${yamlList(w.allMethods)}`,
    `  AllowHeaders: ${yamlList(w.headers)}`,
    `  AllowCredentials: ${w.credentials}`,
    ...(w.maxAge !== null ? [`  MaxAge: ${w.maxAge}`] : []),
    ...(w.expose.length > 0 ? [`  # ExposeHeaders: ${yamlList(w.expose)}`] : []),
  ].join('\n');
}

function lambdaRow(p: RenderPart): string {
  const fields = [
    `prefixes: [${p.paths.map(jsString).join(', ')}]`,
    `origins: [${p.origins.map(jsString).join(', ')}]`,
    `methods: ${jsString(p.methods.join(', '))}`,
    `headers: ${jsString(p.headers.join(', '))}`,
    `credentials: ${p.credentials}`,
    `maxAge: ${jsString(p.maxAge === null ? '' : String(p.maxAge))}`,
  ];
  return `  { ${fields.join(', ')} }, // ${where(p)}`;
}

const WRAPPER = `const covers = (prefixes, path) => prefixes.some((p) => p === '/' || path === p || path.startsWith(p + '/'));

function withCors(handler) {
  return async (event, context) => {
    const headers = event.headers || {};
    const header = (name) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
    const origin = header('origin');
    // REST API: requestContext.path keeps the stage, as the browser's URL does; HTTP API: rawPath.
    const path = event.requestContext?.path ?? event.rawPath ?? event.path ?? '/';
    const method = event.httpMethod ?? event.requestContext?.http?.method;
    const part = CORS_POLICY.find((p) => covers(p.prefixes, path) && p.origins.includes(origin));
    const cors = {};
    if (part) {
      cors['Access-Control-Allow-Origin'] = origin;
      if (part.credentials) cors['Access-Control-Allow-Credentials'] = 'true';
    }
    if (method === 'OPTIONS' && header('access-control-request-method')) {
      if (part && part.methods) cors['Access-Control-Allow-Methods'] = part.methods;
      if (part && part.headers) cors['Access-Control-Allow-Headers'] = part.headers;
      if (part && part.maxAge) cors['Access-Control-Max-Age'] = part.maxAge;
      return { statusCode: 204, headers: { ...cors, Vary: 'Origin' }, body: '' };
    }
    let res;
    try {
      res = await handler(event, context);
    } catch (err) {
      console.error(err);
      res = { statusCode: 500, body: '' };
    }
    const vary = [res.headers?.Vary, 'Origin'].filter(Boolean).join(', ');
    return { ...res, headers: { ...res.headers, ...cors, Vary: vary } };
  };
}

// exports.handler = withCors(yourHandler);`;

function lambda(input: { readonly parts: readonly RenderPart[] }): string {
  return [
    '// AWS Lambda (Node.js) behind an API Gateway proxy integration: the function\'s response is what the',
    '// browser gets, so it adds the CORS headers itself, on errors too, and answers preflights (route OPTIONS',
    '// to it with no authorizer). Origins are compared exactly; nothing the request sent is echoed unchecked.',
    ...comments('//', [...new Set(input.parts.flatMap((p) => p.leftOut))]),
    'const CORS_POLICY = [',
    ...input.parts.map(lambdaRow),
    '];',
    '',
    WRAPPER,
  ].join('\n');
}

/** The places outside the app the target points to (none for most targets). */
export function outsideSnippets(policy: Policy): OutsideSnippet[] {
  if (!isApiGateway(policy.target)) return [];
  const input = renderInput(policy);
  return [
    { place: 'aws-api-gateway', label: 'AWS API Gateway (gateway responses, HTTP API CORS)', code: apiGateway(input.whole) },
    { place: 'aws-lambda', label: 'AWS Lambda (proxy integration)', code: lambda(input) },
  ];
}
