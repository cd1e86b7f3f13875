import { SignetConfigError } from '../../errors/config-error.js';
import { DERIVED_COMPONENTS, isComponentName } from './component-name.js';

/**
 * Checks a list of component identifiers given as options. Field names are lower-cased (RFC 9421
 * §2.1), so `'Content-Type'` is accepted as `content-type`. Refuses an empty list, unknown derived
 * components, names that are not field names, and duplicates (RFC 9421 §2.5 forbids covering a
 * component twice).
 *
 * @example
 * ```ts
 * checkComponents(['@method', '@target-uri', 'Content-Type'], 'components'); // ['@method', '@target-uri', 'content-type']
 * ```
 */
export function checkComponents(value: unknown, field: string, { allowEmpty = false } = {}): string[] {
  if (!Array.isArray(value)) throw new SignetConfigError(field, 'must be an array of component identifiers, such as [\'@method\', \'@target-uri\', \'content-type\']');
  if (value.length === 0 && !allowEmpty) throw new SignetConfigError(field, 'must name at least one component to sign');
  const names: string[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string') throw new SignetConfigError(`${field}[${i}]`, 'must be a string');
    const name = item.startsWith('@') ? item : item.toLowerCase();
    if (!isComponentName(name)) {
      const hint = name.startsWith('@')
        ? `is not a supported derived component (one of ${[...DERIVED_COMPONENTS].join(', ')})`
        : 'is not a valid component identifier (an HTTP field name, other than signature and signature-input)';
      throw new SignetConfigError(`${field}[${i}]`, `"${printable(item)}" ${hint}`);
    }
    if (names.includes(name)) throw new SignetConfigError(`${field}[${i}]`, `"${name}" is listed twice; a component is covered once (RFC 9421 §2.5)`);
    names.push(name);
  });
  return names;
}

// A component name is not a secret, but keep control characters out of the message.
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);
}
