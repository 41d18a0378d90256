-- Servers accepted but not yet in a cell, built by BuildRequestViewProjection.
CREATE TABLE build_request_view (
    instance_id    VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(255) NOT NULL,
    project_id     VARCHAR(255) NOT NULL,
    user_id        VARCHAR(255) NOT NULL,
    flavor_id      VARCHAR(255) NOT NULL,
    image_id       VARCHAR(255) NOT NULL,
    metadata       TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX build_request_view_listing ON build_request_view (project_id, created_at DESC, instance_id DESC);

-- The flavor catalog as users list it, built by FlavorViewProjection.
CREATE TABLE flavor_view (
    flavor_id      VARCHAR(255) PRIMARY KEY,
    name           VARCHAR(255) NOT NULL,
    vcpus          INTEGER      NOT NULL,
    ram_mb         INTEGER      NOT NULL,
    disk_gb        INTEGER      NOT NULL,
    ephemeral_gb   INTEGER      NOT NULL,
    swap_mb        INTEGER      NOT NULL,
    rxtx_factor    DOUBLE PRECISION NOT NULL,
    is_public      BOOLEAN      NOT NULL
);
