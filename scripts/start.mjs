#!/usr/bin/env node
/**
 * `npm start`: builds and runs the desktop app. `npm run dev`: the same with hot reload. Where Electron's
 * binary is missing, `npm start` says so and serves the same app to the browser instead (`serve --trial`).
 *
 * better-sqlite3 is native and Electron's ABI differs from Node's. The Node build in node_modules serves
 * the CLI and the tests; for Electron a second build is kept in build/native/electron-<version>/ and passed
 * as `nativeBinding` (main/store/native.ts), so there is no rebuild ping-pong between the two.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dev = process.argv.includes('--dev');

function fail(message) {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

function electronBinary() {
  try {
    return require('electron'); // the path of the binary; throws when it was never downloaded
  } catch {
    return null;
  }
}

function run(command, args, cwd, env = process.env) {
  return spawnSync(command, args, { cwd, stdio: 'inherit', env, shell: process.platform === 'win32' }).status === 0;
}

const electron = electronBinary();
if (!electron || !existsSync(electron)) {
  // Without Electron, the same app in the browser: the county server on a trial county made for the run.
  process.stderr.write(
    [
      '',
      'Luukku: the Electron binary is not installed, so the desktop app cannot start here.',
      'It is downloaded by `npm install` on a machine with internet access; it was skipped here',
      '(ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed). To get it on a connected machine:',
      '    node node_modules/electron/install.js      (or: rm -rf node_modules && npm install)',
      '',
      'Starting the same app in your browser instead, on a trial county with demo data (Ctrl+C stops it):',
      '',
    ].join('\n'),
  );
  const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!run(process.execPath, [electronVite, 'build'], root)) fail('Luukku: the build failed.');
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  process.exit(run(process.execPath, [tsx, join(root, 'main', 'cli.ts'), 'serve', '--trial'], root) ? 0 : 1);
}

const electronVersion = require('electron/package.json').version;
const nativeDir = join(root, 'build', 'native', `electron-${electronVersion}`);
const nativeFile = join(nativeDir, 'better_sqlite3.node');

if (!existsSync(nativeFile)) {
  process.stderr.write(`Luukku: preparing the encrypted-store module for Electron ${electronVersion} (once)…\n`);
  const source = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  const work = join(root, 'build', 'native', `src-${electronVersion}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });
  // The machine's npm may point node-gyp at Node's own headers; Electron needs its own.
  const env = {
    ...process.env,
    npm_config_nodedir: '',
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
  };
  const prebuildInstall = createRequire(join(source, 'package.json')).resolve('prebuild-install/bin.js');
  const prebuilt = run(
    process.execPath,
    [prebuildInstall, '--runtime', 'electron', '--target', electronVersion],
    work,
    env,
  );
  const nodeGyp = process.env.npm_config_node_gyp;
  const built =
    prebuilt ||
    (nodeGyp &&
      run(
        process.execPath,
        [
          nodeGyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${electronVersion}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        work,
        env,
      ));
  const output = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(output))
    fail('Luukku: could not build the store module for Electron. See the messages above.');
  mkdirSync(nativeDir, { recursive: true });
  cpSync(output, nativeFile);
  rmSync(work, { recursive: true, force: true });
}

const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
// main/store/native.ts finds the Electron build in the app's own build/native/ (never through the environment).
const env = { ...process.env };
if (dev) {
  process.exit(run(process.execPath, [electronVite, 'dev'], root, env) ? 0 : 1);
}
if (!run(process.execPath, [electronVite, 'build'], root, env)) fail('Luukku: the build failed.');
process.exit(run(process.execPath, [electronVite, 'preview', '--skipBuild'], root, env) ? 0 : 1);
