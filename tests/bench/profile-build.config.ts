// The app's build with the renderer left unminified, for tests/bench/slider-profile.ts (the
// profile's functions and React's components keep their names). Into PROFILE_OUT:
//   PROFILE_OUT=/tmp/csp-profile/renderer npx electron-vite build -c tests/bench/profile-build.config.ts
//   CSP_RENDERER_DIR=/tmp/csp-profile/renderer npx tsx tests/bench/slider-profile.ts
import base from '../../electron.vite.config';

const renderer = base.renderer ?? {};
export default {
  ...base,
  renderer: { ...renderer, build: { ...renderer.build, minify: false, outDir: process.env.PROFILE_OUT ?? 'out-profile/renderer' } },
};
