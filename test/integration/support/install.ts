/**
 * Installs a fixture app's dependencies offline, from what `npm ci` already put on this machine:
 * the packed consent-kit tarball, the packages of a host manifest (`test/integration/hosts/`:
 * React 18 with i18next 25, React 19 with i18next 27, Next.js 15) and any package of the project's own
 * `node_modules`, each with its dependencies, laid out as npm lays them out: one folder per
 * package under the app's `node_modules`, a second version nested under the package that needs
 * it. Copies, not links: Node resolves a linked package's imports from where the link points,
 * so consent-kit's or Radix's `import 'react'` would find the project's React 19 instead of the
 * app's React 18. Peer dependencies are not installed: the app lists them, as a host would.
 *
 * Nothing is downloaded and nothing outside the app's folder is written.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { HOSTS_DIR, PROJECT_ROOT } from './paths.js';

const run = promisify(execFile);

/** A host manifest under `test/integration/hosts/`. */
export type Host = 'react-18' | 'react-19' | 'next';

/** What {@link installApp} installs besides consent-kit. */
export interface InstallOptions {
  /** Host manifests: every package each depends on (React, its types, i18next, react-i18next; Next.js). */
  host?: Host | readonly Host[] | undefined;
  /** More packages, as the project's `node_modules` has them (a server's `oidc-provider`, `express`). */
  packages?: readonly string[] | undefined;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** Node's lookup of `name` from `dir`: `node_modules/<name>` there, then in each parent folder. */
function lookup(name: string, dir: string, stopAt?: string): string | undefined {
  let current = dir;
  for (;;) {
    const candidate = join(current, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(current);
    if (parent === current || current === stopAt) return undefined;
    current = parent;
  }
}

/**
 * Installs into `appDir/node_modules`: consent-kit from `tarball`, then `options`' packages.
 * Returns the versions installed, by package folder relative to the app (`node_modules/react`).
 */
export async function installApp(
  appDir: string,
  tarball: string,
  options: InstallOptions = {},
): Promise<Map<string, string>> {
  const modules = join(appDir, 'node_modules');
  await mkdir(modules, { recursive: true });
  /** Installed folder → the folder it was copied from. */
  const installed = new Map<string, string>();
  const visited = new Set<string>();

  /** Installs `name` (found at `source`) where `requester` (an installed folder, or the app) resolves it. */
  async function place(name: string, source: string, requester: string): Promise<void> {
    const existing = lookup(name, requester, appDir);
    if (existing && readManifest(existing).version === readManifest(source).version) return;
    if (existing && requester === appDir) {
      throw new Error(`${name}: ${readManifest(existing).version} is installed, ${source} is another version`);
    }
    // Hoisted when free, else nested under the package that needs this version.
    const target = existing ? join(requester, 'node_modules', name) : join(modules, name);
    await cp(source, target, { recursive: true, dereference: true });
    installed.set(target, source);
    await placeDependencies(source, target);
  }

  /** Installs the dependencies of the package copied from `source` to `target`. */
  async function placeDependencies(source: string, target: string): Promise<void> {
    if (visited.has(target)) return;
    visited.add(target);
    const manifest = readManifest(source);
    const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = lookup(name, source);
      if (!found) {
        if (optional.has(name)) continue; // another platform's binary, say
        throw new Error(`${manifest.name} depends on ${name}, which the project's node_modules lack`);
      }
      const dependency = realpathSync(found);
      if (dependency.startsWith(`${source}${sep}node_modules${sep}`)) {
        // Nested in the package: copied along with it; its own dependencies may be hoisted.
        await placeDependencies(dependency, join(target, relative(source, dependency)));
      } else {
        await place(name, dependency, target);
      }
    }
  }

  // consent-kit, as npm unpacks it; its dependencies as the project installed them.
  const unpacked = await mkdtemp(join(appDir, '.unpack-'));
  await run('tar', ['-xzf', tarball, '-C', unpacked]);
  const kit = join(modules, 'consent-kit');
  await rename(join(unpacked, 'package'), kit);
  await rm(unpacked, { recursive: true, force: true });
  installed.set(kit, tarball);
  const kitManifest = readManifest(kit);
  for (const name of Object.keys(kitManifest.dependencies ?? {})) {
    const found = lookup(name, PROJECT_ROOT);
    if (!found) throw new Error(`consent-kit depends on ${name}, which the project's node_modules lack`);
    await place(name, realpathSync(found), appDir);
  }

  for (const host of [options.host ?? []].flat()) {
    const manifestDir = join(HOSTS_DIR, host);
    for (const name of Object.keys(readManifest(manifestDir).dependencies ?? {})) {
      const found = lookup(name, manifestDir);
      if (!found) throw new Error(`${name} of the ${host} host is not installed: run npm ci`);
      await place(name, realpathSync(found), appDir);
    }
  }
  for (const name of options.packages ?? []) {
    const found = lookup(name, PROJECT_ROOT);
    if (!found) throw new Error(`${name} is not in the project's node_modules`);
    await place(name, realpathSync(found), appDir);
  }

  return new Map(
    [...installed.keys()].map((folder) => [
      relative(appDir, folder).split(sep).join('/'),
      readManifest(folder).version,
    ]),
  );
}

/** Copies a fixture app's sources (`test/integration/apps/<name>`) into a fresh folder under `dir`. */
export async function copyApp(name: string, dir: string, folder = name): Promise<string> {
  const appDir = join(dir, folder);
  await cp(join(PROJECT_ROOT, 'test/integration/apps', name), appDir, { recursive: true });
  return appDir;
}
