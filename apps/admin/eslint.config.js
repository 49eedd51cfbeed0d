import nextjs from '@tessera/eslint-config/nextjs';

export default nextjs;
