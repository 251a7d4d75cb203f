// How every launcher starts the HTTP server: `npm start`, the e2e setup and the benches.
// The Dockerfile's CMD repeats it. A page render allocates a few MB that die young. V8's
// young generation tops out at 16 MB semispaces by default; at 32 MB fewer objects live
// long enough to be copied. `/roles` under load then cost about 8 % less CPU per page, for
// at most 48 MB more heap (decision 040).
export const serverNodeArgs = ['--max-semi-space-size=32', '--import', 'tsx', 'server.ts']
