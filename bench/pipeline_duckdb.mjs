// DuckDB counterpart of bench_pipeline: the same steps on the same table, in SQL.
//   usage: node bench/pipeline_duckdb.mjs FILE.csv [REPEAT]
// Needs @duckdb/node-api in bench/node_modules (run_pipeline_bench.sh installs it).
// Prints one line per measurement:  duckdb <name> <best_ms> <median_ms>
// Loading the CSV is not timed. Each step materialises the whole result table
// (CREATE OR REPLACE TABLE r AS SELECT ...), as PrepLab's steps produce a new table; statistics
// are computed inside the timed statement (scalar subqueries), one-hot categories included.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, repeatArg] = process.argv.slice(2);
const repeat = Number(repeatArg || 5);
const NUMERIC = ['id', 'age', 'visits', 'income', 'score', 'ratio', 'temp'];
const WITH_MISSING = ['income', 'score', 'ratio', 'temp'];
const q = (name) => '"' + name.replaceAll('"', '""') + '"';
const lit = (s) => "'" + s.replaceAll("'", "''") + "'";

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(`CREATE TABLE t AS SELECT * FROM read_csv(${lit(file)})`);

function imputeSql(src, agg) {
    const repl = WITH_MISSING.map((c) => `coalesce(${q(c)}, (SELECT ${agg}(${q(c)}) FROM ${src})) AS ${q(c)}`);
    return `SELECT * REPLACE (${repl.join(', ')}) FROM ${src}`;
}
function scaleSql(src) {
    const repl = NUMERIC.map((c) =>
        `(${q(c)} - (SELECT avg(${q(c)}) FROM ${src})) / nullif((SELECT stddev_pop(${q(c)}) FROM ${src}), 0) AS ${q(c)}`);
    return `SELECT * REPLACE (${repl.join(', ')}) FROM ${src}`;
}
function clipSql(src, method) {
    const repl = WITH_MISSING.map((c) => {
        const [lo, hi] = method === 'iqr'
            ? [`(SELECT quantile_cont(${q(c)}, 0.25) - 1.5 * (quantile_cont(${q(c)}, 0.75) - quantile_cont(${q(c)}, 0.25)) FROM ${src})`,
               `(SELECT quantile_cont(${q(c)}, 0.75) + 1.5 * (quantile_cont(${q(c)}, 0.75) - quantile_cont(${q(c)}, 0.25)) FROM ${src})`]
            : [`(SELECT avg(${q(c)}) - 3 * stddev_pop(${q(c)}) FROM ${src})`,
               `(SELECT avg(${q(c)}) + 3 * stddev_pop(${q(c)}) FROM ${src})`];
        return `least(greatest(${q(c)}, ${lo}), ${hi}) AS ${q(c)}`;
    });
    return `SELECT * REPLACE (${repl.join(', ')}) FROM ${src}`;
}
// The categories are part of the work: read them, then build the indicator columns.
async function oneHotSql(src, columns) {
    const parts = [];
    for (const c of columns) {
        const cats = (await db.runAndReadAll(`SELECT DISTINCT ${q(c)} AS v FROM ${src} WHERE ${q(c)} IS NOT NULL ORDER BY v`))
            .getRows().map((r) => String(r[0]));
        for (const v of cats)
            parts.push(`CAST(${q(c)} = ${lit(v)} AS UTINYINT) AS ${q(c + '_' + v)}`);
    }
    return `SELECT * EXCLUDE (${columns.map(q).join(', ')}), ${parts.join(', ')} FROM ${src}`;
}
const formulaSql = (src) => `SELECT *, income / (visits + 1) AS income_per_visit FROM ${src}`;

async function materialise(sql) {
    await db.run(`CREATE OR REPLACE TABLE r AS ${sql}`);
}

const steps = [
    ['impute_mean', async () => materialise(imputeSql('t', 'avg'))],
    ['impute_median', async () => materialise(imputeSql('t', 'median'))],
    ['scale_standard', async () => materialise(scaleSql('t'))],
    ['clip_iqr', async () => materialise(clipSql('t', 'iqr'))],
    ['one_hot', async () => materialise(await oneHotSql('t', ['city', 'color']))],
    ['one_hot_city', async () => materialise(await oneHotSql('t', ['city']))],
    ['one_hot_color', async () => materialise(await oneHotSql('t', ['color']))],
    ['formula', async () => materialise(formulaSql('t'))],
    ['recipe_6_steps', async () => {
        await db.run(`CREATE OR REPLACE TABLE s1 AS ${imputeSql('t', 'avg')}`);
        await db.run(`CREATE OR REPLACE TABLE s2 AS ${scaleSql('s1')}`);
        await db.run(`CREATE OR REPLACE TABLE s3 AS ${await oneHotSql('s2', ['city'])}`);
        await db.run(`CREATE OR REPLACE TABLE s4 AS ${await oneHotSql('s3', ['color'])}`);
        await db.run(`CREATE OR REPLACE TABLE s5 AS ${clipSql('s4', 'zscore')}`);
        await db.run(`CREATE OR REPLACE TABLE s6 AS ${formulaSql('s5')}`);
    }],
];

for (const [name, fn] of steps) {
    const times = [];
    for (let r = 0; r < repeat; ++r) {
        const start = process.hrtime.bigint();
        await fn();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(`duckdb ${name} ${times[0].toFixed(1)} ${times[Math.floor(times.length / 2)].toFixed(1)}`);
}
