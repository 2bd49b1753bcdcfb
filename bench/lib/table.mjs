/** The benchmark table: measurements, ratios in the same run, and the targets beside them. */

const s = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 2)} s`;
const n = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}

/** Rows of the draftvault vs hand-written comparison. */
function compareRows(rows) {
  const out = [row(['per draft', 'draftvault', 'hand-written', 'ratio', 'target'])];
  out.push(row(['---', '---', '---', '---', '---']));
  for (const r of rows) {
    const dv = r.draftvault;
    const hw = r.handWritten;
    out.push(row([`${r.label}: wall`, s(dv.wallMs), s(hw.wallMs), ratio(dv.wallMs, hw.wallMs), '≤ 1.05x']));
    out.push(
      row([
        `${r.label}: requests`,
        n(dv.requests),
        n(hw.requests),
        ratio(dv.requests, hw.requests),
        '≤ 1.00x',
      ]),
    );
    if (r.uploadMs) {
      const a = dv.wallMs - r.uploadMs;
      const b = hw.wallMs - r.uploadMs;
      out.push(
        row([`${r.label}: time beyond the ${r.uploadMs / 1000} s upload`, s(a), s(b), ratio(a, b), '']),
      );
    }
  }
  return out;
}

/** Print every section that ran. */
export function printTable(results, stream) {
  const lines = [];
  const sec = results.sections;
  if (sec.compare) lines.push(...compareRows(sec.compare), '');
  const other = [row(['measurement', 'value', 'target']), row(['---', '---', '---'])];
  if (sec.version) other.push(row(['`draftvault --version`', s(sec.version.ms), '< 0.3 s']));
  if (sec.cold) {
    other.push(row(['cold start to the first device command', s(sec.cold.firstCommandMs), '≤ 1.5 s']));
    other.push(row(['cold start to the session request', s(sec.cold.sessionRequestMs), '']));
  }
  if (sec.memory) {
    const mb = (x) => `${x.toFixed(1)} MB`;
    for (const p of sec.memory.points)
      other.push(row([`client RSS (heap) after ${p.drafts} drafts`, `${mb(p.rssMb)} (${mb(p.heapMb)})`, '']));
    const span = `drafts ${sec.memory.from} to ${sec.memory.drafts}`;
    other.push(row([`RSS growth, ${span}`, mb(sec.memory.growthMb), '< 10 MB']));
    other.push(row([`heap growth, ${span}`, mb(sec.memory.heapGrowthMb), '']));
  }
  if (sec.pull) {
    const mb = (x) => `${x.toFixed(1)} MB`;
    other.push(row([`extra memory pulling a ${sec.pull.sizeMb} MB video`, mb(sec.pull.extraMb), '< 100 MB']));
    other.push(row(['the same through one pullFile (base64)', mb(sec.pull.sessionExtraMb), '']));
  }
  if (sec.phones) {
    for (const p of sec.phones)
      other.push(
        row([
          `throughput, ${p.phones} phone(s) in parallel, one server, 20 ms/command`,
          `${p.draftsPerMin.toFixed(1)} drafts/min (${p.ratio.toFixed(2)}x one phone after another)`,
          p.phones > 1 ? `> 1x` : '',
        ]),
      );
  }
  for (const p of sec.poll ?? [])
    other.push(
      row([
        `upload end noticed after (${p.label}; worst, median of ${p.drafts})`,
        `${p.polls.toFixed(2)}, ${p.medianPolls.toFixed(2)} polls`,
        '≤ 1 poll',
      ]),
    );
  if (other.length > 2) lines.push(...other);
  stream.write(`${lines.join('\n')}\n`);
}
