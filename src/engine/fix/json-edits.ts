import type { SourceNode } from '../source/source-node';
import type { OffsetEdit } from '../rules/define-rule';
import { columnOf, lineBreakAt } from './yaml-edits';

/**
 * Adds `"key": value` as the last property of a JSON object, indented like its
 * siblings. Only the comma and the new line are inserted: nothing else moves.
 */
export function insertJsonProperty(text: string, obj: SourceNode, key: string, valueJson: string): OffsetEdit {
  const entries = obj.entries();
  if (entries.length === 0) {
    return { start: obj.start + 1, end: obj.start + 1, newText: ` ${JSON.stringify(key)}: ${valueJson} ` };
  }
  const last = entries[entries.length - 1];
  const first = entries[0];
  const sameLine = !/[\r\n]/.test(text.slice(obj.start, first.keyStart ?? first.start));
  if (sameLine) return { start: last.end, end: last.end, newText: `, ${JSON.stringify(key)}: ${valueJson}` };
  const indent = ' '.repeat(columnOf(text, first.keyStart ?? first.start));
  const eol = lineBreakAt(text, last.end);
  return { start: last.end, end: last.end, newText: `,${eol}${indent}${JSON.stringify(key)}: ${valueJson}` };
}

/** Replaces a JSON value, keeping the value's type as a string or number as it was written. */
export function replaceJsonValue(node: SourceNode, value: string | number): OffsetEdit {
  const asString = node.quoted || typeof value === 'string';
  return { start: node.start, end: node.end, newText: asString ? JSON.stringify(String(value)) : String(value) };
}
