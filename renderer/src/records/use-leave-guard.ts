import { useEffect } from 'react';

/**
 * While a form holds answers that are not saved: closing or reloading the window asks first, and so
 * does a click on a link, a tab or a "back" button elsewhere on the page. Returns the check to run before leaving by
 * the form's own buttons (true: go ahead).
 */
export function useLeaveGuard(unsaved: boolean, question: string, inside: () => HTMLElement | null): () => boolean {
  useEffect(() => {
    if (!unsaved) return;
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target.closest('a[href], [role="tab"], .link-button') : null;
      if (!target || inside()?.contains(target)) return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    addEventListener('beforeunload', onUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      removeEventListener('beforeunload', onUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [unsaved, question, inside]);
  return () => !unsaved || window.confirm(question);
}
