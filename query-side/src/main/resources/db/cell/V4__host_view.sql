-- The cell's compute hosts as os-services and os-hypervisors show them, built by HostViewProjection
-- from the cell's host events. service_id is the numeric id before microversion 2.53, numbered in the
-- order the hosts registered in this cell (so, as in Nova, two cells may both have a host 1); the UUIDs
-- are derived from the host name (ComputeServiceIds).
CREATE TABLE host_view (
    host             VARCHAR(255) PRIMARY KEY,
    cell             VARCHAR(64)  NOT NULL,
    service_id       INTEGER      NOT NULL UNIQUE,
    service_uuid     UUID         NOT NULL UNIQUE,
    compute_uuid     UUID         NOT NULL UNIQUE,
    vcpus            INTEGER      NOT NULL,
    memory_mb        INTEGER      NOT NULL,
    local_gb         INTEGER      NOT NULL,
    vcpus_used       INTEGER      NOT NULL DEFAULT 0,
    memory_mb_used   INTEGER      NOT NULL DEFAULT 0,
    local_gb_used    INTEGER      NOT NULL DEFAULT 0,
    running_vms      INTEGER      NOT NULL DEFAULT 0,
    disabled         BOOLEAN      NOT NULL DEFAULT FALSE,
    disabled_reason  VARCHAR(255),
    forced_down      BOOLEAN      NOT NULL DEFAULT FALSE,
    up               BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at       TIMESTAMPTZ  NOT NULL
);

-- The claims behind the usage columns: usage is recounted from them, so a replayed claim or release
-- changes nothing.
CREATE TABLE host_view_claim (
    host         VARCHAR(255) NOT NULL REFERENCES host_view (host) ON DELETE CASCADE,
    instance_id  VARCHAR(64)  NOT NULL,
    vcpus        INTEGER      NOT NULL,
    memory_mb    INTEGER      NOT NULL,
    local_gb     INTEGER      NOT NULL,
    PRIMARY KEY (host, instance_id)
);
