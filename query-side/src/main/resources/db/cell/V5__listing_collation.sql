-- Listings sort texts by code point, as the search index and the merge of the cells do, whatever the
-- database's default collation: the columns a listing sorts on use the "C" collation (their indexes
-- are rebuilt with it).
ALTER TABLE instance_view
    ALTER COLUMN instance_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN name TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN project_id TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN user_id TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN host TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN flavor_id TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN image_id TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN vm_state TYPE VARCHAR(32) COLLATE "C",
    ALTER COLUMN task_state TYPE VARCHAR(32) COLLATE "C";
