/** The text sizes the reader can choose (a factor of the base size), smallest first; no schema here, so the app's first script can use it. */
export const TEXT_SIZES = [0.875, 1, 1.125, 1.25, 1.5] as const;
