import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ComparisonResult } from '../runner/comparison.js';
import type { MachineInfo } from './machine-info.js';
import { CHART_DIR, renderPerformanceDoc } from './render-performance-doc.js';

/** What `--markdown` saves next to the page, and what `--from` reads back. */
export interface SavedRun {
  readonly machine: MachineInfo;
  readonly results: readonly ComparisonResult[];
}

/** Writes the page, its SVG charts and the raw run (`performance/results.json`) next to it. */
export async function writePerformanceDoc(path: string, run: SavedRun): Promise<string[]> {
  const { markdown, charts } = renderPerformanceDoc(run.results, run.machine);
  const folder = dirname(path);
  await mkdir(join(folder, CHART_DIR), { recursive: true });
  const written = [path];
  await writeFile(path, markdown);
  for (const [file, svg] of charts) {
    await writeFile(join(folder, file), svg);
    written.push(join(folder, file));
  }
  const raw = join(folder, CHART_DIR, 'results.json');
  await writeFile(raw, `${JSON.stringify(run, null, 2)}\n`);
  written.push(raw);
  return written;
}
