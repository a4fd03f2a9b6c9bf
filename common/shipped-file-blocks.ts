/**
 * How the portable edition carries a file that the build ships next to index.html inside its
 * one page: `<script type="application/json" data-shipped-file="NAME">…</script>`, written by
 * scripts/vite-plugin-portable.ts and read by renderer/src/app/shipped-files.ts.
 */
export const SHIPPED_FILE_ATTRIBUTE = 'data-shipped-file';
