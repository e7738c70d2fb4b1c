// Runs Electronegativity (doyensec) over src/ and prints its findings as JSON. Its CLI is broken with the
// commander version npm resolves, so the runner is called directly; the check that downloads Electron's
// release list is excluded (no network here) and the process exits as soon as the scan is done.
const path = require('node:path');
const run = require('@doyensec/electronegativity/dist/runner.js');

const root = path.resolve(__dirname, '..');
const electronVersion = require(path.resolve(root, 'node_modules/electron/package.json')).version;

run(
  {
    input: path.resolve(root, 'src'),
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
).then(
  (result) => {
    const issues = result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name ?? String(i.severity),
      confidence: i.confidence.name ?? String(i.confidence),
      file: i.file,
      line: i.location?.line ?? null,
      description: i.description,
    }));
    // The runner prints a translation warning on stdout; the marker lets callers find the JSON.
    process.stdout.write(
      `@@electronegativity@@\n${JSON.stringify({ electronVersion, globalChecks: result.globalChecks, atomicChecks: result.atomicChecks, errors: result.errors, issues }, null, 2)}\n`,
    );
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(2);
  },
);
