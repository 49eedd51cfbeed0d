import { defineAppSuite } from '@tessera/playwright-config';

export default defineAppSuite({
  port: 3100,
  databaseName: 'tessera_e2e_web',
  env: { NEXT_PUBLIC_ADMIN_URL: 'http://127.0.0.1:3101' },
});
