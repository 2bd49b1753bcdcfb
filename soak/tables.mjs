/** The two tables `npm run soak` prints (Markdown, so they paste into a note as they are). */

const row = (cells) => `| ${cells.join(' | ')} |`;

/** The crash campaign: what was done, then each check. */
export function campaignTable(c) {
  const exits = Object.entries(c.exits)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');
  return [
    `Crash campaign: seed ${c.seed}, ${c.drafts} drafts`,
    '',
    row([
      'runs',
      'runner kills landed',
      'Appium kills landed',
      'kill tries that missed',
      'resumes',
      'runs that hung',
      'exits',
    ]),
    row(['---', '---', '---', '---', '---', '---', '---']),
    row([
      c.runs,
      `${c.runnerKills} of ${c.planned.runner}`,
      `${c.appiumKills} of ${c.planned.appium}`,
      c.missed,
      c.resumes,
      c.hung,
      exits,
    ]),
    '',
    row(['check', 'result']),
    row(['---', '---']),
    ...c.checks.map((k) => row([k.name, k.ok ? 'ok' : `FAILED: ${k.detail}`])),
  ].join('\n');
}

/** The fault matrix: one line per cell and seed. */
export function matrixTable(rows, { seeds, drafts, faults, pairSeeds = seeds.length }) {
  const failed = rows.filter((r) => r.outcome.startsWith('FAILED')).length;
  return [
    `Fault matrix: ${faults} faults alone (seeds ${seeds.join(', ')}) and in pairs (seeds ${seeds.slice(0, pairSeeds).join(', ')}), ${drafts} drafts per cell; ${rows.length} cells, ${failed} failed`,
    '',
    row(['cell', 'seed', 'outcome', 'lost', 'public']),
    row(['---', '---', '---', '---', '---']),
    ...rows.map((r) => row([r.cell, r.seed, r.outcome, r.lost, r.public])),
  ].join('\n');
}
