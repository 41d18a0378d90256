-- Listings sort texts by code point, as the search index and the merge of the cells do, whatever the
-- database's default collation (see the cells' V5).
ALTER TABLE build_request_view
    ALTER COLUMN instance_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN name TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN project_id TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN user_id TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN flavor_id TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN image_id TYPE VARCHAR(255) COLLATE "C";
