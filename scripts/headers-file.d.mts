export interface HeaderRule {
  pattern: RegExp;
  source: string;
  headers: [string, string][];
}
export function parseHeadersFile(text: string): HeaderRule[];
export function headersFor(rules: HeaderRule[], path: string): Record<string, string>;
export function readHeadersFile(file: string): HeaderRule[];
