import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocale } from './i18n';
import { Notice } from './Notice';

/**
 * A view loaded with `import()` the first time it is shown, so that its code is a chunk of its own
 * and the panel's first paint only waits for what the conversation needs (F12: the panel's bundle
 * budget). Meanwhile a short loading line; if the chunk cannot be read (the extension was updated
 * under an open panel), what happened and a way to try again.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element | null {
  let view: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;

  return function LazyView(props: P) {
    const { t } = useLocale();
    const [attempt, setAttempt] = useState(0);
    // Renders again once the chunk is there (the component itself lives in `view`, not in state).
    const [, setLoaded] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    useEffect(() => {
      if (view) return;
      let live = true;
      loading ??= load();
      loading.then(
        (loaded) => {
          view = loaded;
          if (live) setLoaded(true);
        },
        (error: unknown) => {
          loading = null;
          if (live) setFailure(error instanceof Error ? error.message : String(error));
        },
      );
      return () => {
        live = false;
      };
    }, [attempt]);

    const Loaded = view;
    if (Loaded) return <Loaded {...props} />;
    if (failure === null) return <p class="muted" role="status">{t('viewLoading')}</p>;
    return (
      <Notice tone="error">
        {t('viewLoadFailed', failure)}{' '}
        <button
          type="button"
          class="link"
          onClick={() => {
            setFailure(null);
            setAttempt(attempt + 1);
          }}
        >
          {t('retry')}
        </button>
      </Notice>
    );
  };
}
