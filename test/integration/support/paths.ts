/** Where the project and its integration fixtures are. */
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The fixture apps' sources (copied into a temp folder before each is built). */
export const APPS_DIR = fileURLToPath(new URL('../apps/', import.meta.url));
/** The host manifests: what a React 18 or React 19 host installs beside consent-kit. */
export const HOSTS_DIR = fileURLToPath(new URL('../hosts/', import.meta.url));
