// oidc-provider ships no type declarations; the demo uses it untyped.
declare module 'oidc-provider';
