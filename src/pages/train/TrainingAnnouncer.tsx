/** The training page's polite live region (what it says and when: announce.ts). */
import { useEffect, useRef, useState } from "react";
import type { SessionView } from "../../experiment/history";
import { type Announcement, nextAnnouncement } from "./announce";

export function TrainingAnnouncer({ view }: { view: SessionView }) {
  const last = useRef<Announcement | null>(null);
  const [text, setText] = useState("");
  useEffect(() => {
    const next = nextAnnouncement(last.current, view, performance.now());
    if (!next) return;
    last.current = next;
    if (next.text) setText(next.text);
  }, [view]);
  return (
    <p role="status" className="sr-only" data-testid="training-announcer">
      {text}
    </p>
  );
}
