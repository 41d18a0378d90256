-- A build request stays listed after its instance is mapped to a cell, until that cell's view has the
-- instance: the two views catch up independently, and a server must never drop out of a listing in
-- between. Rows handed over long ago are purged.
ALTER TABLE build_request_view ADD COLUMN mapped_cell VARCHAR(64);
ALTER TABLE build_request_view ADD COLUMN mapped_at TIMESTAMPTZ;
