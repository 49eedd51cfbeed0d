/** The web suite's own database (recreated, migrated and seeded by the suite's global setup). */
export const E2E_DATABASE = 'tessera_e2e_web';
