-- Host aggregates as the API shows them, built by AggregateViewProjection. aggregate_id is the uuid
-- (the aggregate's identity in the event store), id is Nova's integer id.
CREATE TABLE aggregate_view (
    aggregate_id       VARCHAR(64)  PRIMARY KEY,
    id                 BIGINT       NOT NULL UNIQUE,
    name               VARCHAR(255) NOT NULL,
    availability_zone  VARCHAR(255),
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ
);

CREATE TABLE aggregate_host_view (
    aggregate_id       VARCHAR(64)  NOT NULL,
    host               VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_id, host)
);

CREATE INDEX aggregate_host_view_host ON aggregate_host_view (host);

CREATE TABLE aggregate_metadata_view (
    aggregate_id       VARCHAR(64)  NOT NULL,
    key                VARCHAR(255) NOT NULL,
    value              VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_id, key)
);

-- Server groups as the API shows them, built by ServerGroupViewProjection.
CREATE TABLE server_group_view (
    group_id           VARCHAR(64)  PRIMARY KEY,
    name               VARCHAR(255) NOT NULL,
    policy             VARCHAR(32)  NOT NULL,
    max_server_per_host INTEGER,
    project_id         VARCHAR(255) NOT NULL,
    user_id            VARCHAR(255) NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL
);

CREATE INDEX server_group_view_listing ON server_group_view (project_id, created_at, group_id);

-- Not a view: the command side's lookup for set-wide aggregate rules (unique names, one zone per
-- host) and from Nova's integer ids to uuids, written by JdbcAggregateDirectory in the transaction
-- that stores the aggregate's events. It lives here because the API database has one migration
-- history; no replay rebuilds it.
CREATE TABLE aggregate_directory (
    aggregate_id       VARCHAR(64)  PRIMARY KEY,
    id                 BIGINT       NOT NULL UNIQUE,
    name               VARCHAR(255) NOT NULL UNIQUE,
    availability_zone  VARCHAR(255)
);

CREATE TABLE aggregate_directory_host (
    aggregate_id       VARCHAR(64)  NOT NULL REFERENCES aggregate_directory (aggregate_id),
    host               VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_id, host)
);

CREATE INDEX aggregate_directory_host_host ON aggregate_directory_host (host);

-- Nova's aggregate ids: integers, never reused.
CREATE SEQUENCE aggregate_ids;
