-- Yjs documents for long text (ticket descriptions, inspection notes): their updates, so a device
-- that edited offline merges when it reconnects, whichever server instance it reaches. Compacted
-- by merging a document's updates into one when they pile up.
CREATE TABLE yjs_updates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  doc_name text NOT NULL,
  update bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_yjs_updates_organisation_id ON yjs_updates(organisation_id, doc_name, id);
ALTER TABLE yjs_updates ENABLE ROW LEVEL SECURITY;
ALTER TABLE yjs_updates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON yjs_updates
  USING (organisation_id = app_current_organisation())
  WITH CHECK (organisation_id = app_current_organisation());
GRANT SELECT, INSERT, UPDATE, DELETE ON yjs_updates TO worktrackr_app;
