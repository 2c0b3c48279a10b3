/** A teacher's note from a lesson link, above the article: plain text only (React escapes it). */
export function LessonNote({ note }: { note: string }) {
  if (!note) return null;
  return (
    <aside
      aria-label="Note from your teacher"
      data-testid="lesson-note"
      className="my-6 rounded-lg border-l-4 border-[var(--accent)] bg-[var(--panel)] px-4 py-3"
    >
      <p className="text-sm font-semibold text-[var(--muted)]">Note from your teacher</p>
      <p className="mt-1 whitespace-pre-line break-words text-lg">{note}</p>
    </aside>
  );
}
