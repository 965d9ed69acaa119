/**
 * Lets TypeScript accept side-effect imports of the kit's stylesheets
 * (`import 'consent-kit/src/styles/consent.css'`), which bundlers handle.
 */
declare module '*.css';
