// The exact fields that leave the server, one `select` per shape.

export const textSummarySelect = {
  id: true,
  title: true,
  language: true,
  direction: true,
  isPublic: true,
  dueAt: true,
} as const;
