// DuckDB counterpart of bench_load: read a CSV into a table (and profile it the way PrepLab does,
// in SQL).
//   usage: node bench/duckdb_load.mjs FILE load|profile
// Needs @duckdb/node-api in bench/node_modules (run_load_bench.sh installs it).
// Prints one line:  duckdb <mode> <wall_s> <peak_rss_mib> <read_s> <profile_s> <cpu_s>
// Wall time covers the work only (not Node start-up); peak RSS is this process's maximum resident
// set, DuckDB's buffers included; cpu_s the user + system time of all threads during the work.
//
// The profile: for every column its missing and distinct counts; for numbers, booleans and dates
// (as epoch milliseconds) count, mean, sample std, min, quartiles (linear), max, skewness and zeros
// in one aggregate query over all columns, then a 20-bin histogram; for every column its 10 most
// frequent values; for strings the share that parses as a number; then duplicated rows and the
// Pearson correlation of every pair of numeric columns.
import { DuckDBInstance } from '@duckdb/node-api';

const BINS = 20;
const TOP = 10;

const [file, mode] = process.argv.slice(2);
if (!file || !['load', 'profile'].includes(mode)) {
    console.error('usage: duckdb_load.mjs FILE load|profile');
    process.exit(2);
}

const q = (name) => '"' + name.replaceAll('"', '""') + '"';
const sqlString = (s) => "'" + s.replaceAll("'", "''") + "'";

function numberExpr(name, type) {
    if (type === 'BOOLEAN') return `CAST(${q(name)} AS DOUBLE)`;
    if (type === 'DATE' || type.startsWith('TIMESTAMP')) return `CAST(epoch_ms(CAST(${q(name)} AS TIMESTAMP)) AS DOUBLE)`;
    if (/INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(type)) return `CAST(${q(name)} AS DOUBLE)`;
    return null;
}

async function profile(connection) {
    const columns = (await connection.runAndReadAll('DESCRIBE t')).getRowObjects()
        .map((r) => ({ name: r.column_name, type: r.column_type }));
    const aggregates = [];
    const numeric = [];
    for (const [i, c] of columns.entries()) {
        const x = numberExpr(c.name, c.type);
        aggregates.push(`count(*) - count(${q(c.name)}) AS m${i}`, `count(DISTINCT ${q(c.name)}) AS d${i}`);
        if (x) {
            numeric.push({ ...c, x, i });
            aggregates.push(`avg(${x}) AS mean${i}`, `stddev_samp(${x}) AS sd${i}`, `min(${x}) AS lo${i}`,
                `quantile_cont(${x}, [0.25, 0.5, 0.75]) AS qs${i}`, `max(${x}) AS hi${i}`,
                `skewness(${x}) AS sk${i}`, `count_if(${x} = 0) AS z${i}`);
        } else {
            aggregates.push(`count(TRY_CAST(${q(c.name)} AS DOUBLE)) / count(${q(c.name)}) AS mix${i}`);
        }
    }
    const stats = (await connection.runAndReadAll(`SELECT ${aggregates.join(', ')} FROM t`)).getRowObjects()[0];
    const result = { columns: [] };
    for (const c of numeric) {
        const lo = Number(stats[`lo${c.i}`]), hi = Number(stats[`hi${c.i}`]);
        const width = hi > lo ? (hi - lo) / BINS : 1;
        const hist = await connection.runAndReadAll(
            `SELECT least(CAST(floor((${c.x} - ${lo}) / ${width}) AS INTEGER), ${BINS - 1}) AS b, count(*) AS n ` +
            `FROM t WHERE ${c.x} IS NOT NULL GROUP BY b ORDER BY b`);
        result.columns.push({ name: c.name, histogram: hist.getRows().length });
    }
    for (const c of columns) {
        const top = await connection.runAndReadAll(
            `SELECT ${q(c.name)} AS v, count(*) AS n FROM t WHERE ${q(c.name)} IS NOT NULL ` +
            `GROUP BY v ORDER BY n DESC, v LIMIT ${TOP}`);
        result.columns.push({ name: c.name, top: top.getRows().length });
    }
    const dup = await connection.runAndReadAll(
        'SELECT (SELECT count(*) FROM t) - (SELECT count(*) FROM (SELECT DISTINCT * FROM t)) AS d');
    result.duplicates = dup.getRows()[0][0];
    const pairs = [];
    const plain = numeric.filter((c) => c.type !== 'BOOLEAN' && c.type !== 'DATE' && !c.type.startsWith('TIMESTAMP'));
    for (let a = 0; a < plain.length; ++a)
        for (let b = a + 1; b < plain.length; ++b) pairs.push(`corr(${plain[a].x}, ${plain[b].x})`);
    if (pairs.length) result.correlations = (await connection.runAndReadAll(`SELECT ${pairs.join(', ')} FROM t`)).getRows()[0];
    return result;
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const cpuStart = process.cpuUsage();
let start = performance.now();
await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv(${sqlString(file)})`);
const readS = (performance.now() - start) / 1000;
let profileS = 0;
if (mode === 'profile') {
    start = performance.now();
    const p = await profile(connection);
    profileS = (performance.now() - start) / 1000;
    if (p.columns.length === 0) process.exit(1);
}
const cpu = process.cpuUsage(cpuStart);
const cpuS = (cpu.user + cpu.system) / 1e6;
const peakMb = process.resourceUsage().maxRSS / 1024;
const label = mode === 'profile' ? 'load+profile' : 'load';
console.log(`duckdb ${label} ${(readS + profileS).toFixed(3)} ${peakMb.toFixed(1)} ${readS.toFixed(3)} ${profileS.toFixed(3)} ${cpuS.toFixed(3)}`);
