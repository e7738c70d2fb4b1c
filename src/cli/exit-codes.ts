/** Exit codes: 0 ok, 1 a check found errors (or a sign-in failed), 2 usage error or bad input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;
