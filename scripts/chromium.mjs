// Debian's Chromium and a CJK font for the browser tests. Installed with apt-get when missing and
// running as root; otherwise we fail, saying how to get them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  const fontOk = () => spawnSync('sh', ['-c', 'fc-list | grep -qi wqy'], { stdio: 'ignore' }).status === 0;
  if (fs.existsSync(CHROMIUM) && fontOk()) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    console.error(`Chromium (${CHROMIUM}) or a CJK font is missing. Install them: sudo apt-get install -y chromium fonts-wqy-microhei`);
    return false;
  }
  console.log('Installing Debian chromium and fonts-wqy-microhei…');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei', 'poppler-utils'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0 && fs.existsSync(CHROMIUM);
}
