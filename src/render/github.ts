/**
 * GitHub Actions workflow commands: diagnostics become annotations that show on the pull
 * request's diff at the line they name.
 */
import type { Diagnostic } from '../core/diagnostics.js';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=...,line=...,col=...::message` line per diagnostic, escaped as the runner expects. */
export function renderAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        ['file', d.file],
        ['line', d.line],
        ['col', d.col],
        ['title', 'oncall-access'],
      ]
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
      return `::${d.severity} ${props}::${escapeData(d.message)}\n`;
    })
    .join('');
}
