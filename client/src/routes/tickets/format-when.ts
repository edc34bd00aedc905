const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A timestamp as people read it, in their own locale and time zone. */
export const formatWhen = (iso: string) => formatter.format(new Date(iso));
