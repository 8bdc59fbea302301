/**
 * The policy as configuration, one file per stack as for a single exchange's fix (src/explain/snippets), plus
 * the places outside the app the target points to (aws.ts). The stack table's order is the panel's tab order.
 */
import type { Snippet, Stack } from '../../explain/snippets';
import type { Policy } from '../types';
import { apachePolicy } from './apache';
import { outsideSnippets, type OutsideSnippet } from './aws';
import { djangoPolicy } from './django';
import { expressPolicy } from './express';
import { flaskPolicy } from './flask';
import { goPolicy } from './go';
import { nginxPolicy } from './nginx';
import { springPolicy } from './spring';

export { isApiGateway, type OutsidePlace, type OutsideSnippet } from './aws';

const BUILDERS: { readonly [S in Stack]: (policy: Policy) => Snippet<S> } = {
  express: expressPolicy,
  nginx: nginxPolicy,
  apache: apachePolicy,
  flask: flaskPolicy,
  django: djangoPolicy,
  spring: springPolicy,
  go: goPolicy,
};

export interface PolicySnippets {
  readonly stacks: readonly Snippet[];
  readonly outside: readonly OutsideSnippet[];
}

export function policySnippets(policy: Policy): PolicySnippets {
  return { stacks: Object.values(BUILDERS).map((b) => b(policy)), outside: outsideSnippets(policy) };
}

export function policySnippet<S extends Stack>(policy: Policy, stack: S): Snippet<S> {
  return (BUILDERS[stack] as (p: Policy) => Snippet<S>)(policy);
}
