/**
 * Lazily loaded parts that can be loaded again. `React.lazy` keeps a failed import forever, so
 * a chunk that failed once (offline, or removed by a redeploy) would fail on every render;
 * `lazyPart` makes a fresh `lazy` on `retry()`. `ChunkBoundary` catches the failure, says what
 * could not be loaded, and offers to try again or reload: one failed chunk never blanks a page.
 */
import {
  Component,
  type ComponentProps,
  type ComponentType,
  type JSX,
  lazy,
  type ReactNode,
} from "react";

/** Any component, as `React.lazy` takes it. */
// The props are whatever the loaded component takes.
type AnyComponent = ComponentType<any>;

export type LazyPart<T extends AnyComponent> = ((props: ComponentProps<T>) => JSX.Element) & {
  retry: () => void;
};

export function lazyPart<T extends AnyComponent>(load: () => Promise<{ default: T }>): LazyPart<T> {
  let Loaded = lazy(load);
  const Part = (props: ComponentProps<T>) => <Loaded {...props} />;
  Part.retry = () => {
    Loaded = lazy(load);
  };
  return Part;
}

interface BoundaryProps {
  /** What failed, for the message: "Figure 2", "The Share menu". */
  what: string;
  /** Called before rendering the children again (usually the parts' `retry`). */
  retry: () => void;
  children: ReactNode;
}

export class ChunkBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div
        role="alert"
        data-testid="chunk-error"
        className="notice-error my-3 rounded-lg p-3 text-sm"
      >
        <p>
          {this.props.what} could not be loaded: this browser may be offline, or the site was
          updated since this page was opened.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => {
              this.props.retry();
              this.setState({ failed: false });
            }}
            className="rounded-md border border-current px-2 py-0.5 font-semibold"
          >
            Try again
          </button>
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="rounded-md border border-current px-2 py-0.5"
          >
            Reload the page
          </button>
        </div>
      </div>
    );
  }
}
