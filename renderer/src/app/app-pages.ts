/** Pages of the app itself, not of the manual, by the id that stands in the route for a chapter's. */

/** The reader's own notes and bookmarks: #/<lang>/my-library. */
export const LIBRARY_ID = 'my-library';

/** A whole section laid out for printing: #/<lang>/print-section/<section id>. */
export const PRINT_SECTION_ID = 'print-section';
