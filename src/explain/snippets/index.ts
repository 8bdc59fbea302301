/**
 * Server configuration that makes the failing response pass, one file per server stack, as src/export gives
 * each shell its own file: a stack's quoting and placement rules can then be read, reviewed and tested alone.
 * Which stacks exist is one table, so adding a stack is one row, and the type of the table checks that each
 * row's builder labels its snippet with that row's stack.
 */
import type { Evaluation, ExchangeRecord } from '../../cors';
import type { Fix } from '../fix';
import { apache } from './apache';
import { django } from './django';
import { express } from './express';
import { flask } from './flask';
import { go } from './go';
import { type Snippet, type SnippetInput, snippetInput, type Stack } from './input';
import { nginx } from './nginx';
import { spring } from './spring';

export { snippetInput, type Snippet, type SnippetInput, type Stack };

/** Row order is the order of the panel's snippet tabs (object keys keep insertion order). */
const BUILDERS: { readonly [S in Stack]: (input: SnippetInput) => Snippet<S> } = {
  express,
  nginx,
  apache,
  flask,
  django,
  spring,
  go,
};

/** Every stack, in the panel's tab order. */
export const STACKS = Object.keys(BUILDERS) as readonly Stack[];

export function buildSnippets(input: SnippetInput): Snippet[] {
  return Object.values(BUILDERS).map((b) => b(input));
}

/** Snippets for a blocked exchange; empty when the fix is not on the server. */
export function snippetsFor(record: ExchangeRecord, evaluation: Evaluation, fix: Fix | null): Snippet[] {
  const input = snippetInput(record, evaluation, fix);
  return input ? buildSnippets(input) : [];
}
