/** How many stop rows the new-offering form offers a trip (blank rows are not stops). */
export const STOP_ROWS = 4;
