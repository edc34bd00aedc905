-- Photos and documents are uploaded by content hash (PUT /api/files/<sha256>), so a device can
-- retry an upload after losing signal without making a second copy. The bytes live outside the
-- database in a blob store shared by every tenant; a row here is what lets a tenant read them.
-- Knowing a hash is not enough: a tenant gets a row only by uploading bytes that hash to it.

CREATE TABLE file_blobs (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  mime_type varchar(100) NOT NULL,
  uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- One row per tenant and content: a retried or repeated upload finds it instead of adding one.
  PRIMARY KEY (organisation_id, sha256)
);
ALTER TABLE file_blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE file_blobs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON file_blobs
  USING (organisation_id = app_current_organisation())
  WITH CHECK (organisation_id = app_current_organisation());
GRANT SELECT, INSERT, UPDATE, DELETE ON file_blobs TO worktrackr_app;
