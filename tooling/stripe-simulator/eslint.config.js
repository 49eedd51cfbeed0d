import base from '@tessera/eslint-config/base';

export default base;
